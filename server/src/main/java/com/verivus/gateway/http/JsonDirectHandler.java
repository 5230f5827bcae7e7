package com.verivus.gateway.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import java.util.Map;

/**
 * Helidon's answer to requests it refuses before any route runs (malformed request line or headers,
 * conflicting framing headers, a declared body over the payload limit), in the gateway's JSON shape
 * {@code {"error":"<reason phrase>"}}. Helidon's message is left out: it may echo the request.
 */
final class JsonDirectHandler implements DirectHandler {

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        String reason = defaultStatus.reasonPhrase() == null || defaultStatus.reasonPhrase().isEmpty()
                ? "Request refused" : defaultStatus.reasonPhrase();
        responseHeaders.set(HeaderNames.CONTENT_TYPE, "application/json");
        return TransportResponse.builder()
                .status(defaultStatus)
                .headers(responseHeaders)
                .entity(JsonReply.bytes(Map.of("error", reason)))
                .build();
    }
}
