package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.request.RequestPipeline;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/** An async provider request tool ({@code claude_request_async} ... {@code mistral_request_async}). */
final class AsyncRequestTool implements GatewayTool {

    private final RequestToolDefinition definition;
    private final RequestPipeline pipeline;

    AsyncRequestTool(RequestToolDefinition definition, RequestPipeline pipeline) {
        this.definition = definition;
        this.pipeline = pipeline;
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public String description() {
        return definition.description();
    }

    @Override
    public InputSchema inputSchema() {
        return definition.schema();
    }

    @Override
    public CallToolResult call(ToolCall call) {
        return RequestResults.of(pipeline.async(definition.parser().apply(call)));
    }
}
