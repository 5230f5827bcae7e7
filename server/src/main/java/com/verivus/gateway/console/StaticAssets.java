package com.verivus.gateway.console;

import com.verivus.gateway.log.GatewayLog;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

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
        FILES.forEach((path, file) -> read(file[0]).ifPresent(body -> read.put(path, body)));
        this.bodies = Map.copyOf(read);
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        byte[] body = bodies.get(path);
        if (body == null) {
            ConsoleReply.error(res, 503, "The console's " + path + " is missing from this build");
            return;
        }
        ConsoleReply.send(res, 200, FILES.get(path)[1], body);
    }

    /** Empty (logged) when the build left the file out: the API still works, the page answers 503. */
    private static Optional<byte[]> read(String resource) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                GatewayLog.warn("console resource missing from the classpath: " + resource);
                return Optional.empty();
            }
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
