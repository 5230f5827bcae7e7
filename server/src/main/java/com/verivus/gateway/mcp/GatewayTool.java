package com.verivus.gateway.mcp;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;

/**
 * One MCP tool of the gateway. Implementations are small classes named for the tool (or one class
 * per tool family). Nothing below {@code mcp/} knows about MCP; a tool translates between the two.
 */
public interface GatewayTool {

    /** The tool name, exactly as the Node gateway names it. */
    String name();

    /** Tells a model when and how to use the tool. */
    String description();

    /** Parameters, each with a description; arguments are checked against it before {@link #call}. */
    InputSchema inputSchema();

    /** A JSON Schema of {@code structuredContent}, or null when the tool returns none. */
    default Map<String, Object> outputSchema() {
        return null;
    }

    /** True for tools that only read state; reported to clients as the readOnlyHint annotation. */
    default boolean readOnly() {
        return false;
    }

    /** Runs the tool with validated arguments (defaults applied). Exceptions become isError results. */
    CallToolResult call(ToolCall call) throws Exception;
}
