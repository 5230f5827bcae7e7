package com.verivus.gateway.mcp.http;

import java.util.Locale;
import java.util.Optional;

/**
 * What a request's {@code Accept} header allows for an MCP response. Clients should send both
 * application/json and text/event-stream; a missing header accepts anything. Parameters such as
 * {@code q} are ignored (a range with q=0 is rare enough not to matter here).
 */
record AcceptHeader(boolean json, boolean eventStream) {

    static AcceptHeader of(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return new AcceptHeader(true, true);
        }
        boolean json = false;
        boolean sse = false;
        for (String range : header.get().split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            switch (type) {
                case "*/*" -> {
                    json = true;
                    sse = true;
                }
                case "application/*", "application/json" -> json = true;
                case "text/*", "text/event-stream" -> sse = true;
                default -> {
                    // another type: neither
                }
            }
        }
        return new AcceptHeader(json, sse);
    }

    boolean none() {
        return !json && !eventStream;
    }
}
