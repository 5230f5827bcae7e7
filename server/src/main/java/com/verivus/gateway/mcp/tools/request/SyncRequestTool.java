package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.request.RequestPipeline;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/** A sync provider request tool ({@code claude_request} ... {@code mistral_request}, {@code codex_fork_session}). */
final class SyncRequestTool implements GatewayTool {

    private final RequestToolDefinition definition;
    private final RequestPipeline pipeline;

    SyncRequestTool(RequestToolDefinition definition, RequestPipeline pipeline) {
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
        return RequestResults.of(pipeline.sync(definition.parser().apply(call), call.progress()::report));
    }
}
