package com.verivus.gateway.mcp;

/** One MCP resource (sessions://all, models://claude, ...): a fixed URI whose content is read on demand. */
public interface GatewayResource {

    String uri();

    String name();

    String title();

    String description();

    /** application/json unless said otherwise. */
    default String mimeType() {
        return "application/json";
    }

    /** The current content, as text. */
    String read() throws Exception;
}
