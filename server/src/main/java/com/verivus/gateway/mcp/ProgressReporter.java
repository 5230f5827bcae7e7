package com.verivus.gateway.mcp;

/** Sends MCP progress notifications for one request; progress must increase between calls. */
@FunctionalInterface
public interface ProgressReporter {

    ProgressReporter NONE = (progress, total, message) -> {
    };

    /** @param total null when unknown */
    void report(double progress, Double total, String message);
}
