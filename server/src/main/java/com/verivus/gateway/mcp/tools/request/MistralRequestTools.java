package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.provider.Effort;
import com.verivus.gateway.provider.mistral.MistralPermissionMode;
import com.verivus.gateway.provider.mistral.MistralRequest;
import com.verivus.gateway.request.MistralCall;
import com.verivus.gateway.request.RequestSpec;
import java.util.List;

/** mistral_request and mistral_request_async: the Mistral Vibe CLI headless ({@code vibe -p}). */
final class MistralRequestTools {

    private static final InputSchema SESSION = SharedParameters.sessionTrio(
            "Resume this Vibe conversation (--resume <id>); needs session_logging.enabled = true in "
                    + "~/.vibe/config.toml. Gateway bookkeeping ids (gw-*) are refused.",
            "Continue Vibe's most recent conversation (--continue).",
            "Start a fresh conversation without a bookkeeping session (no session flag).");

    private static final InputSchema OWN = InputSchema.builder()
            .enumeration("outputFormat", "Vibe's --output-format: plain, json or stream-json; omitted = Vibe's "
                    + "default (plain text).", List.of("plain", "json", "stream-json"))
            .enumeration("permissionMode", "The Vibe agent profile (--agent): default, plan, accept-edits, "
                    + "auto-approve (used when omitted; choosing it explicitly raises the approval score under "
                    + "mcp_managed), chat, explore, lean.", List.of("default", "plan", "accept-edits", "auto-approve",
                    "chat", "explore", "lean"))
            .enumeration("effort", "Effort level (--effort): low, medium, high, xhigh, max.", SharedParameters.EFFORTS)
            .string("reasoningEffort", "Reasoning effort passed as --reasoning-effort.")
            .stringArray("allowedTools", "Tools Vibe may use (one --enabled-tools per tool). Values must not start "
                    + "with '-'.")
            .stringArray("disallowedTools", "Accepted for symmetry with the other CLIs but ignored: Vibe has no such "
                    + "flag.")
            .build();

    private static final InputSchema TAIL = InputSchema.builder()
            .include(SharedParameters.idleTimeout(""))
            .include(SharedParameters.APPROVAL)
            .include(SharedParameters.mcpServers("MCP servers scored by the approval gate (Vibe itself uses its own "
                    + "configuration)."))
            .include(SharedParameters.FORCE_REFRESH)
            .include(SharedParameters.WORKING_DIR)
            .build();

    static final RequestToolDefinition SYNC = new RequestToolDefinition("mistral_request",
            "Ask Mistral's Vibe CLI (vibe -p) and wait for the answer. Use for Mistral's (Devstral's) view; the model "
                    + "goes to Vibe as VIBE_ACTIVE_MODEL (default devstral-medium). structuredContent.sessionId is "
                    + "your id when you resumed one (resumable:true), else a gateway bookkeeping id (gw-*, "
                    + "resumable:false). A run longer than the sync deadline returns {status:\"deferred\", jobId}; "
                    + "poll it with the tool the reply names.",
            schema(true), c -> spec(c, "mistral_request", true));

    static final RequestToolDefinition ASYNC = new RequestToolDefinition("mistral_request_async",
            "Start Mistral's Vibe CLI (vibe -p) as a durable background job and return at once with {success, job:{id, "
                    + "status, ...}, sessionId, resumable}. Poll llm_job_status with job.id, then read the output with "
                    + "llm_job_result.",
            schema(false), c -> spec(c, "mistral_request_async", false));

    private MistralRequestTools() {
    }

    private static InputSchema schema(boolean sync) {
        return SharedParameters.requestSchema(sync, TAIL, SESSION, OWN);
    }

    private static RequestSpec spec(ToolCall c, String operation, boolean sync) {
        MistralRequest.Builder b = MistralRequest.builder(c.requiredString("prompt"));
        SharedParameters.shared(b, c);
        SharedParameters.session(b, c, "resumeLatest");
        List<String> allowed = c.strings("allowedTools").orElse(null);
        List<String> disallowed = c.strings("disallowedTools").orElse(null);
        b.outputFormat(SharedParameters.enumValue(c, "outputFormat", MistralRequest.OutputFormat::fromKey))
                .permissionMode(SharedParameters.enumValue(c, "permissionMode", MistralPermissionMode::fromKey))
                .effort(SharedParameters.enumValue(c, "effort", Effort::fromKey))
                .reasoningEffort(c.string("reasoningEffort").orElse(null))
                .allowedTools(allowed)
                .disallowedTools(disallowed);
        return new RequestSpec(operation, new MistralCall(b.build()), c.bool("optimizePrompt"),
                sync && c.bool("optimizeResponse"), allowed, disallowed);
    }
}
