package com.verivus.gateway.config;

import java.util.Locale;

/**
 * Where the HTTP transport listens, from {@code LLM_GATEWAY_HTTP_HOST} (127.0.0.1),
 * {@code LLM_GATEWAY_HTTP_PORT} (3333; 0 = ephemeral) and {@code LLM_GATEWAY_HTTP_PATH} (/mcp).
 */
public record HttpBinding(String host, int port, String path) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3333;
    public static final String DEFAULT_PATH = "/mcp";

    /**
     * @throws IllegalArgumentException when LLM_GATEWAY_HTTP_PORT is not an integer 0..65535
     */
    public static HttpBinding from(GatewayEnvironment env) {
        String host = env.nonBlank("LLM_GATEWAY_HTTP_HOST").map(String::trim).orElse(DEFAULT_HOST);
        String path = env.nonBlank("LLM_GATEWAY_HTTP_PATH").map(String::trim).orElse(DEFAULT_PATH);
        int port = DEFAULT_PORT;
        String raw = env.nonBlank("LLM_GATEWAY_HTTP_PORT").map(String::trim).orElse(null);
        if (raw != null) {
            try {
                port = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(
                        "LLM_GATEWAY_HTTP_PORT must be an integer from 0 to 65535 (got \"" + raw + "\")");
            }
        }
        return new HttpBinding(host, port, path.startsWith("/") ? path : "/" + path);
    }

    /** The host a local client connects to: a wildcard bind address is reached through 127.0.0.1. */
    public String connectHost() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? DEFAULT_HOST : host;
    }

    /** http://host:port/path for local clients (IPv6 literals bracketed). */
    public String localUrl() {
        return origin() + path;
    }

    /** http://host:port/healthz. */
    public String healthUrl() {
        return origin() + "/healthz";
    }

    private String origin() {
        String h = connectHost();
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return "http://" + h.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
