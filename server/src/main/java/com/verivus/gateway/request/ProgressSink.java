package com.verivus.gateway.request;

/** Where a waiting sync request reports progress (the tool turns it into MCP progress notifications). */
@FunctionalInterface
public interface ProgressSink {

    ProgressSink NONE = (progress, total, message) -> {
    };

    /**
     * @param progress increases between calls (elapsed seconds)
     * @param total null when unknown
     */
    void report(double progress, Double total, String message);
}
