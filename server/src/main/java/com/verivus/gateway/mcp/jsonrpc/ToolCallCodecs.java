package com.verivus.gateway.mcp.jsonrpc;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * Has the SDK's Jackson mapper build, ahead of the first {@code tools/call}, the reader for its params (in a
 * fresh JVM ~10–20 ms of introspecting the SDK's records, otherwise paid by the first call). A sample value is
 * converted and dropped: nothing is sent, and what the mapper makes of real messages does not depend on
 * whether this ran. (Results need no writer: {@link MessageWriter} writes a tool's text result itself.)
 */
public final class ToolCallCodecs {

    private ToolCallCodecs() {
    }

    public static void prepare(McpJsonMapper json) {
        try {
            json.convertValue(Map.of("name", "warm-up", "arguments", Map.of("prompt", "p"),
                    "_meta", Map.of("progressToken", "t")), new TypeRef<McpSchema.CallToolRequest>() {
                    });
        } catch (RuntimeException e) {
            // the first call then builds it, as without this
        }
    }
}
