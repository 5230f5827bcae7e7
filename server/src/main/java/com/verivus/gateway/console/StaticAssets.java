package com.verivus.gateway.console;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The console's page, script and style from the classpath ({@code /console/...}), read once. Only the
 * files named here are served: nothing else on the classpath is reachable.
 */
final class StaticAssets implements Handler {

    /** Request path to classpath resource and content type. */
    static final Map<String, String[]> FILES = Map.of(
            "/", new String[] {"console/index.html", "text/html; charset=utf-8"},
            "/console.js", new String[] {"console/console.js", "text/javascript; charset=utf-8"},
            "/console.css", new String[] {"console/console.css", "text/css; charset=utf-8"},
            "/favicon.svg", new String[] {"console/favicon.svg", "image/svg+xml"});

    private final Map<String, byte[]> bodies;

    StaticAssets() {
        Map<String, byte[]> read = new java.util.HashMap<>();
        FILES.forEach((path, file) -> read.put(path, read(file[0])));
        this.bodies = Map.copyOf(read);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        byte[] body = bodies.get(path);
        if (body == null) {
            res.next();
            return;
        }
        ConsoleReply.send(res, 200, FILES.get(path)[1], body);
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("console resource missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
