package com.verivus.gateway.mcp;

import com.verivus.gateway.json.NodeJson;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;

/** Builds the result shapes the gateway's tools return (pretty JSON text, structured content, errors). */
public final class ToolResults {

    private ToolResults() {
    }

    /** Text = the body as 2-space pretty JSON; no structuredContent (the Node gateway's common shape). */
    public static CallToolResult json(Object body) {
        return CallToolResult.builder().content(List.of(new TextContent(pretty(body)))).isError(false).build();
    }

    /** Same as {@link #json} but flagged {@code isError: true}. */
    public static CallToolResult jsonError(Object body) {
        return CallToolResult.builder().content(List.of(new TextContent(pretty(body)))).isError(true).build();
    }

    /** Text content plus structuredContent. */
    public static CallToolResult structured(String text, Map<String, Object> structured, boolean isError) {
        return CallToolResult.builder().content(List.of(new TextContent(text))).structuredContent(structured)
                .isError(isError).build();
    }

    public static CallToolResult text(String text) {
        return CallToolResult.builder().content(List.of(new TextContent(text))).isError(false).build();
    }

    public static CallToolResult errorText(String text) {
        return CallToolResult.builder().content(List.of(new TextContent(text))).isError(true).build();
    }

    /** 2-space indented JSON, as JSON.stringify(value, null, 2) prints it (shorthand for tools). */
    public static String pretty(Object body) {
        return NodeJson.pretty(body);
    }
}
