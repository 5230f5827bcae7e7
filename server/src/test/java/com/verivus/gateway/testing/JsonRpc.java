package com.verivus.gateway.testing;

/** JSON-RPC lines a stdio MCP client sends, for tests that drive the gateway by hand. */
public final class JsonRpc {

    public static final String PROTOCOL_VERSION = "2025-11-25";

    private JsonRpc() {
    }

    public static String initialize(int id) {
        return request(id, "initialize", "{\"protocolVersion\":\"" + PROTOCOL_VERSION + "\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"gateway-e2e\",\"version\":\"1.0.0\"}}");
    }

    public static String initialized() {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    }

    /** A request; {@code paramsJson} is the params object as JSON text. */
    public static String request(int id, String method, String paramsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
    }
}
