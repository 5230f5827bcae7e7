package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.tools.WorkspaceParameters;
import com.verivus.gateway.request.RequestPipeline;
import com.verivus.gateway.workspace.AllowedRoots;
import com.verivus.gateway.workspace.WorkingDirectoryPolicy;
import java.util.List;

/** The provider request tools, in the Node gateway's registration order. */
public final class RequestTools {

    private RequestTools() {
    }

    /** The sync tools for local callers only: no allowed roots, so HTTP callers cannot choose a directory. */
    public static List<GatewayTool> sync(RequestPipeline pipeline) {
        return sync(pipeline, new WorkspaceParameters(new WorkingDirectoryPolicy(AllowedRoots.NONE)));
    }

    /** The async tools for local callers only (see {@link #sync(RequestPipeline)}). */
    public static List<GatewayTool> async(RequestPipeline pipeline) {
        return async(pipeline, new WorkspaceParameters(new WorkingDirectoryPolicy(AllowedRoots.NONE)));
    }

    /** claude_request, codex_request, codex_fork_session, gemini_request, grok_request, mistral_request. */
    public static List<GatewayTool> sync(RequestPipeline pipeline, WorkspaceParameters workspace) {
        return List.of(RequestTool.sync(ClaudeRequestTools.SYNC, pipeline, workspace),
                RequestTool.sync(CodexRequestTools.SYNC, pipeline, workspace),
                RequestTool.sync(CodexForkSessionTool.SYNC, pipeline, workspace),
                RequestTool.sync(GeminiRequestTools.SYNC, pipeline, workspace),
                RequestTool.sync(GrokRequestTools.SYNC, pipeline, workspace),
                RequestTool.sync(MistralRequestTools.SYNC, pipeline, workspace));
    }

    /** claude_request_async ... mistral_request_async (registered only when async jobs are enabled). */
    public static List<GatewayTool> async(RequestPipeline pipeline, WorkspaceParameters workspace) {
        return List.of(RequestTool.async(ClaudeRequestTools.ASYNC, pipeline, workspace),
                RequestTool.async(CodexRequestTools.ASYNC, pipeline, workspace),
                RequestTool.async(GeminiRequestTools.ASYNC, pipeline, workspace),
                RequestTool.async(GrokRequestTools.ASYNC, pipeline, workspace),
                RequestTool.async(MistralRequestTools.ASYNC, pipeline, workspace));
    }
}
