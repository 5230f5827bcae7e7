package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.CliErrorResult;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.request.RequestReply;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/** Turns the pipeline's replies into MCP tool results (§1.2 shapes). */
final class RequestResults {

    private RequestResults() {
    }

    static CallToolResult of(RequestReply reply) {
        return switch (reply) {
            case RequestReply.Success s -> ToolResults.structured(s.text(), s.structuredContent(), false);
            case RequestReply.CliFailure f -> CliErrorResult.exit(f.cli(), f.exitCode(), f.stderr(), f.correlationId());
            case RequestReply.HandlerError e -> CliErrorResult.build(e.operation(), 1, "", e.correlationId(), e.error());
            case RequestReply.Deferred d -> ToolResults.json(d.body());
            case RequestReply.Refused r -> ToolResults.jsonError(r.body());
            case RequestReply.Started s -> ToolResults.json(s.body());
        };
    }
}
