package com.verivus.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.access.HostOriginGuard;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Writes console responses, each with the console's security headers: a Content-Security-Policy that
 * allows only the gateway's own script and style (no inline script), no framing, no referrer (the login
 * link's code never leaves in a Referer), no caching, no content sniffing.
 */
final class ConsoleReply {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleReply() {
    }

    /** When the request's Host or Origin is not allowed: replies with the refusal and returns true. */
    static boolean refusedByGuard(HostOriginGuard guard, ServerRequest req, ServerResponse res) {
        Optional<HostOriginGuard.Rejection> rejected = guard.check(req.headers());
        rejected.ifPresent(r -> error(res, r.status(), r.message()));
        return rejected.isPresent();
    }

    static void securityHeaders(ServerResponse res) {
        res.header(HeaderNames.create("Content-Security-Policy"), CSP);
        res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
        res.header(HeaderNames.create("X-Frame-Options"), "DENY");
        res.header(HeaderNames.create("Referrer-Policy"), "no-referrer");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
    }

    static void json(ServerResponse res, int status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("console replies are maps, lists and scalars", e);
        }
        send(res, status, "application/json", bytes);
    }

    static void jsonText(ServerResponse res, int status, String json) {
        send(res, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static void error(ServerResponse res, int status, String message) {
        json(res, status, Map.of("error", message));
    }

    static void send(ServerResponse res, int status, String contentType, byte[] body) {
        securityHeaders(res);
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, contentType);
        res.send(body);
    }
}
