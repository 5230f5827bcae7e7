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
        return List.of(RequestTool.sync(ClaudeRequestTools.SYNC, pipeline),
                RequestTool.sync(CodexRequestTools.SYNC, pipeline),
                RequestTool.sync(CodexForkSessionTool.SYNC, pipeline),
                RequestTool.sync(GeminiRequestTools.SYNC, pipeline),
                RequestTool.sync(GrokRequestTools.SYNC, pipeline),
                RequestTool.sync(MistralRequestTools.SYNC, pipeline));
    }

    /** claude_request_async ... mistral_request_async (registered only when async jobs are enabled). */
    public static List<GatewayTool> async(RequestPipeline pipeline) {
        return List.of(RequestTool.async(ClaudeRequestTools.ASYNC, pipeline),
                RequestTool.async(CodexRequestTools.ASYNC, pipeline),
                RequestTool.async(GeminiRequestTools.ASYNC, pipeline),
                RequestTool.async(GrokRequestTools.ASYNC, pipeline),
                RequestTool.async(MistralRequestTools.ASYNC, pipeline));
    }
}
