package com.verivus.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Map;

/**
 * Writes the gateway's own JSON replies ({@code {"ok":true}}, {@code {"error":"..."}}, the process
 * health). A reply to {@code HEAD} carries the headers a {@code GET} would get, including its
 * {@code Content-Length}, and no body (RFC 9110 §9.3.2): Helidon sends whatever body a handler gives it.
 */
final class JsonReply {

    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private JsonReply() {
    }

    static void send(ServerRequest req, ServerResponse res, int status, byte[] json) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        if (Method.HEAD.equals(req.prologue().method())) {
            // Helidon keeps an explicit Content-Length when it sends an empty entity.
            res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(json.length));
            res.send();
            return;
        }
        res.send(json);
    }

    static void send(ServerRequest req, ServerResponse res, int status, Map<String, Object> body) {
        send(req, res, status, bytes(body));
    }

    static void error(ServerRequest req, ServerResponse res, int status, String message) {
        send(req, res, status, Map.of("error", message));
    }

    static byte[] bytes(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings and booleans is always JSON", e);
        }
    }
}
