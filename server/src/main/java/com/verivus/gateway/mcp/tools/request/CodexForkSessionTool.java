package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.codex.CodexApprovalPolicy;
import com.verivus.gateway.provider.codex.CodexForkRequest;
import com.verivus.gateway.provider.codex.CodexSandboxMode;
import com.verivus.gateway.request.CodexForkCall;
import com.verivus.gateway.request.RequestSpec;

/** codex_fork_session: branch an existing Codex conversation into a new one ({@code codex exec fork}). */
final class CodexForkSessionTool {

    private static final InputSchema SCHEMA = InputSchema.builder()
            .string("prompt", "The first prompt of the forked conversation (1 to 100000 characters).",
                    p -> p.required().length(1, SharedRequest.MAX_PROMPT_CHARS)
                            .message("minLength", "Prompt cannot be empty")
                            .message("maxLength", "Prompt too long (max 100k chars)"))
            .string("sessionId", "The conversation to fork: the sessionId of an earlier codex reply (mapped to Codex's "
                    + "thread id) or a Codex thread id. Give exactly one of sessionId and forkLast.")
            .bool("forkLast", "Fork the conversation of the active Codex session instead of naming one.", false)
            .string("model", "Model name or alias for the fork (list_models); omit to keep Codex's default.")
            .enumeration("sandboxMode", "Sandbox for the fork: read-only, workspace-write, danger-full-access.",
                    CodexRequestTools.SANDBOX_MODES)
            .enumeration("askForApproval", "When Codex asks before running a command: on-request or never "
                    + "(untrusted is refused).", CodexRequestTools.APPROVAL_POLICIES)
            .include(SharedParameters.CORRELATION_ID)
            .include(SharedParameters.idleTimeout(""))
            .include(SharedParameters.WORKING_DIR)
            .build();

    static final RequestToolDefinition SYNC = new RequestToolDefinition("codex_fork_session",
            "Fork an existing Codex conversation: the new conversation starts with the original's history and this "
                    + "prompt, leaving the original untouched. Use it to explore an alternative without losing the "
                    + "current thread. The reply text is Codex's answer and structuredContent.sessionId the forked "
                    + "conversation's thread id (pass it to codex_request as sessionId to continue the fork). Runs "
                    + "like codex_request, including the sync deadline and deferred reply.",
            SCHEMA, CodexForkSessionTool::spec);

    private CodexForkSessionTool() {
    }

    private static RequestSpec spec(ToolCall c) {
        SharedRequest shared = new SharedRequest(c.requiredString("prompt"), c.string("model").orElse(null),
                c.string("correlationId").orElse(null), null, null, null, c.integer("idleTimeoutMs").orElse(null),
                false);
        CodexForkRequest fork = new CodexForkRequest(shared, c.string("sessionId").orElse(null), c.bool("forkLast"),
                SharedParameters.enumValue(c, "sandboxMode", CodexSandboxMode::fromKey),
                SharedParameters.enumValue(c, "askForApproval", CodexApprovalPolicy::fromKey));
        return new RequestSpec("codex_fork_session", new CodexForkCall(fork), false, false, null, null);
    }
}
