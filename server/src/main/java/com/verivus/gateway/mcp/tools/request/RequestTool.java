package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.tools.WorkspaceParameters;
import com.verivus.gateway.request.RequestPipeline;
import com.verivus.gateway.request.RequestReply;
import com.verivus.gateway.request.RequestSpec;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.function.BiFunction;

/**
 * One provider request tool: its definition (name, description, parameters, how arguments become a
 * {@link RequestSpec}) and how the pipeline runs it — waiting for the answer (claude_request ...,
 * codex_fork_session) or starting a job and returning at once (claude_request_async ...).
 */
final class RequestTool implements GatewayTool {

    private final RequestToolDefinition definition;
    private final WorkspaceParameters workspace;
    private final BiFunction<RequestSpec, ToolCall, RequestReply> run;

    private RequestTool(RequestToolDefinition definition, WorkspaceParameters workspace,
                        BiFunction<RequestSpec, ToolCall, RequestReply> run) {
        this.definition = definition;
        this.workspace = workspace;
        this.run = run;
    }

    static RequestTool sync(RequestToolDefinition definition, RequestPipeline pipeline, WorkspaceParameters workspace) {
        return new RequestTool(definition, workspace, (spec, call) -> pipeline.sync(spec, call.progress()::report));
    }

    static RequestTool async(RequestToolDefinition definition, RequestPipeline pipeline,
                             WorkspaceParameters workspace) {
        return new RequestTool(definition, workspace, (spec, call) -> pipeline.async(spec));
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
        // directories first: a refused or missing one is an error before anything is prepared or recorded
        RequestSpec spec = definition.parser().apply(call).inWorkspace(workspace.workingDir(call),
                workspace.addDirs(call));
        return RequestResults.of(run.apply(spec, call));
    }
}
