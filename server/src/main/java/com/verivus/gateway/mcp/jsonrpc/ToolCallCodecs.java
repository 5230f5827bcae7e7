package com.verivus.gateway.mcp.jsonrpc;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Has the SDK's Jackson mapper build, ahead of the first {@code tools/call}, the reader for its params and the
 * writer for its result (in a fresh JVM ~10–20 ms of introspecting the SDK's records, otherwise paid by the
 * first call). Sample values are converted and written and dropped: nothing is sent, and what the mapper
 * makes of real messages does not depend on whether this ran.
 */
public final class ToolCallCodecs {

    private ToolCallCodecs() {
    }

    public static void prepare(McpJsonMapper json) {
        try {
            json.convertValue(Map.of("name", "warm-up", "arguments", Map.of("prompt", "p"),
                    "_meta", Map.of("progressToken", "t")), new TypeRef<McpSchema.CallToolRequest>() {
                    });
            json.writeValueAsString(JSONRPCResponse.result(0, McpSchema.CallToolResult.builder()
                    .addTextContent("text").structuredContent(Map.of("key", "value")).isError(false).build()));
        } catch (IOException | RuntimeException e) {
            // the first call then builds them, as without this
        }
    }
}
