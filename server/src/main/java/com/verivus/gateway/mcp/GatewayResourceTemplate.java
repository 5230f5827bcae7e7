package com.verivus.gateway.mcp;

/** A family of MCP resources under one URI template (review-receipt://{id}), read by their concrete URI. */
public interface GatewayResourceTemplate {

    /** RFC 6570 template, e.g. {@code review-receipt://{id}}. */
    String uriTemplate();

    String name();

    String title();

    String description();

    default String mimeType() {
        return "application/json";
    }

    /**
     * The content of one resource of the family.
     *
     * @throws IllegalArgumentException when the URI names nothing that exists, with a message saying so
     */
    String read(String uri) throws Exception;
}
