package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.request.RequestPipeline;
import java.util.List;

/** The provider request tools, in the Node gateway's registration order. */
public final class RequestTools {

    private RequestTools() {
    }

    /** claude_request, codex_request, codex_fork_session, gemini_request, grok_request, mistral_request. */
    public static List<GatewayTool> sync(RequestPipeline pipeline) {
        return List.of(new SyncRequestTool(ClaudeRequestTools.SYNC, pipeline),
                new SyncRequestTool(CodexRequestTools.SYNC, pipeline),
                new SyncRequestTool(CodexForkSessionTool.SYNC, pipeline),
                new SyncRequestTool(GeminiRequestTools.SYNC, pipeline),
                new SyncRequestTool(GrokRequestTools.SYNC, pipeline),
                new SyncRequestTool(MistralRequestTools.SYNC, pipeline));
    }

    /** claude_request_async ... mistral_request_async (registered only when async jobs are enabled). */
    public static List<GatewayTool> async(RequestPipeline pipeline) {
        return List.of(new AsyncRequestTool(ClaudeRequestTools.ASYNC, pipeline),
                new AsyncRequestTool(CodexRequestTools.ASYNC, pipeline),
                new AsyncRequestTool(GeminiRequestTools.ASYNC, pipeline),
                new AsyncRequestTool(GrokRequestTools.ASYNC, pipeline),
                new AsyncRequestTool(MistralRequestTools.ASYNC, pipeline));
    }
}
