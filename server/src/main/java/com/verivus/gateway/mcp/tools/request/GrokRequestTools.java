package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.provider.Effort;
import com.verivus.gateway.provider.grok.GrokPermissionMode;
import com.verivus.gateway.provider.grok.GrokRequest;
import com.verivus.gateway.request.GrokCall;
import com.verivus.gateway.request.RequestSpec;
import java.util.List;

/** grok_request and grok_request_async: the Grok CLI headless ({@code grok -p}). */
final class GrokRequestTools {

    static final InputSchema SESSION = SharedParameters.sessionTrio(
            "Resume this Grok conversation (--resume <id>); resumable:true replies carry such ids. Gateway "
                    + "bookkeeping ids (gw-*) are refused.",
            "Continue Grok's most recent conversation (--continue).",
            "Start a fresh conversation without a bookkeeping session (no session flag).");

    private static final InputSchema OWN = InputSchema.builder()
            .enumeration("outputFormat", "Grok's --output-format: plain, json or streaming-json; omitted = Grok's "
                    + "default (plain text).", List.of("plain", "json", "streaming-json"))
            .bool("alwaysApprove", "Approve every tool call (--always-approve); wins over permissionMode and raises "
                    + "the approval score under mcp_managed, which also runs with it once approved.", false)
            .enumeration("permissionMode", "Grok's --permission-mode: default, acceptEdits, auto, dontAsk, "
                    + "bypassPermissions, plan.", List.of("default", "acceptEdits", "auto", "dontAsk",
                    "bypassPermissions", "plan"))
            .enumeration("effort", "Effort level (--effort): low, medium, high, xhigh, max.", SharedParameters.EFFORTS)
            .string("reasoningEffort", "Reasoning effort passed as --reasoning-effort.")
            .stringArray("allowedTools", "Tools Grok may use (--tools a,b).")
            .stringArray("disallowedTools", "Tools Grok must not use (--disallowed-tools a,b).")
            .build();

    private static final InputSchema TAIL = InputSchema.builder()
            .include(SharedParameters.idleTimeout(""))
            .include(SharedParameters.APPROVAL)
            .include(SharedParameters.mcpServers("MCP servers scored by the approval gate (Grok itself uses its own "
                    + "configuration)."))
            .include(SharedParameters.FORCE_REFRESH)
            .include(SharedParameters.WORKING_DIR)
            .build();

    static final RequestToolDefinition SYNC = new RequestToolDefinition("grok_request",
            "Ask the Grok CLI (grok -p) and wait for the answer. Use for xAI Grok's view. structuredContent.sessionId "
                    + "is your id when you resumed one (resumable:true), else a gateway bookkeeping id (gw-*, "
                    + "resumable:false) that cannot be resumed; use resumeLatest to continue the last conversation. "
                    + "A run longer than the sync deadline returns {status:\"deferred\", jobId}; poll it with the "
                    + "tool the reply names.",
            schema(true), c -> spec(c, "grok_request", true));

    static final RequestToolDefinition ASYNC = new RequestToolDefinition("grok_request_async",
            "Start the Grok CLI (grok -p) as a durable background job and return at once with {success, job:{id, "
                    + "status, ...}, sessionId, resumable}. Poll llm_job_status with job.id, then read the output with "
                    + "llm_job_result.",
            schema(false), c -> spec(c, "grok_request_async", false));

    private GrokRequestTools() {
    }

    private static InputSchema schema(boolean sync) {
        return SharedParameters.requestSchema(sync, TAIL, SESSION, OWN);
    }

    private static RequestSpec spec(ToolCall c, String operation, boolean sync) {
        GrokRequest.Builder b = GrokRequest.builder(c.requiredString("prompt"));
        SharedParameters.shared(b, c);
        SharedParameters.session(b, c, "resumeLatest");
        List<String> allowed = c.strings("allowedTools").orElse(null);
        List<String> disallowed = c.strings("disallowedTools").orElse(null);
        b.outputFormat(SharedParameters.enumValue(c, "outputFormat", GrokRequest.OutputFormat::fromKey))
                .alwaysApprove(c.bool("alwaysApprove"))
                .permissionMode(SharedParameters.enumValue(c, "permissionMode", GrokPermissionMode::fromKey))
                .effort(SharedParameters.enumValue(c, "effort", Effort::fromKey))
                .reasoningEffort(c.string("reasoningEffort").orElse(null))
                .allowedTools(allowed)
                .disallowedTools(disallowed);
        return new RequestSpec(operation, new GrokCall(b.build()), c.bool("optimizePrompt"),
                sync && c.bool("optimizeResponse"), allowed, disallowed);
    }
}
