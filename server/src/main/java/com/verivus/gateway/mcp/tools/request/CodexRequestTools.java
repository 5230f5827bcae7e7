package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.provider.codex.CodexApprovalPolicy;
import com.verivus.gateway.provider.codex.CodexOutputFormat;
import com.verivus.gateway.provider.codex.CodexRequest;
import com.verivus.gateway.provider.codex.CodexSandboxMode;
import com.verivus.gateway.request.CodexCall;
import com.verivus.gateway.request.RequestSpec;
import java.util.List;

/** codex_request and codex_request_async: the Codex CLI non-interactively ({@code codex exec}). */
final class CodexRequestTools {

    static final List<String> SANDBOX_MODES = List.of("read-only", "workspace-write", "danger-full-access");
    static final List<String> APPROVAL_POLICIES = List.of("untrusted", "on-request", "never");

    static final InputSchema SESSION = SharedParameters.sessionTrio(
            "Resume this Codex conversation (codex exec resume): the sessionId of an earlier codex reply (the gateway "
                    + "maps it to Codex's own thread id) or a Codex thread id. Gateway bookkeeping ids (gw-*) are "
                    + "refused. Without it a new conversation starts and its id comes back as sessionId.",
            "Resume Codex's most recent conversation (codex exec resume --last).",
            "Start a new conversation and a new gateway session even when a Codex session is active.");

    private static final InputSchema OWN = InputSchema.builder()
            .bool("fullAuto", "Deprecated shorthand for sandboxMode workspace-write with askForApproval never. Raises "
                    + "the approval score under mcp_managed.", false)
            .enumeration("sandboxMode", "Codex sandbox for commands it runs: read-only, workspace-write, "
                    + "danger-full-access (new conversations only; resume keeps the original sandbox).", SANDBOX_MODES)
            .enumeration("askForApproval", "When Codex asks before running a command: on-request or never "
                    + "(untrusted is refused: today's Codex removed it).", APPROVAL_POLICIES)
            .bool("useLegacyFullAutoFlag", "With fullAuto, pass Codex's old --full-auto flag instead of the explicit "
                    + "sandbox and approval settings.", false)
            .bool("dangerouslyBypassApprovalsAndSandbox", "Run with no sandbox and no approvals "
                    + "(--dangerously-bypass-approvals-and-sandbox). Only in an externally sandboxed environment; "
                    + "raises the approval score under mcp_managed.", false)
            .enumeration("outputFormat", "text (default): Codex's final answer. json: Codex's JSONL event stream "
                    + "(--json), returned raw, with token usage in structuredContent.",
                    List.of("text", "json"), "text")
            .stringOrObject("outputSchema", "Constrain the final answer to a JSON Schema (--output-schema): a path "
                    + "to a schema file, or the schema object itself (written to a private temp file for the run). "
                    + "New conversations only.")
            .bool("search", "Let Codex search the web (new conversations only).")
            .string("profile", "Codex config profile to use (--profile).")
            .object("configOverrides", "Codex config overrides passed as -c key=value: keys of letters, digits, '.' "
                    + "and '_', string values without line breaks (new conversations only).")
            .bool("ephemeral", "Do not persist this run's session files (--ephemeral).")
            .stringArray("images", "Image files to attach (-i); each must exist.")
            .bool("ignoreUserConfig", "Ignore ~/.codex/config.toml (--ignore-user-config).")
            .bool("ignoreRules", "Ignore the project's rules files (--ignore-rules).")
            .build();

    private static final InputSchema TAIL = InputSchema.builder()
            .include(SharedParameters.idleTimeout(""))
            .include(SharedParameters.APPROVAL)
            .include(SharedParameters.mcpServers("MCP servers scored by the approval gate (Codex itself uses the "
                    + "servers of its own config)."))
            .include(SharedParameters.FORCE_REFRESH)
            .include(SharedParameters.workspace("--add-dir (new conversations only; Codex makes them writable alongside workingDir)"))
            .build();

    static final RequestToolDefinition SYNC = new RequestToolDefinition("codex_request",
            "Ask the Codex CLI (codex exec) and wait for the answer. Use for coding tasks and second opinions by "
                    + "OpenAI's Codex. The reply text is Codex's output; structuredContent.sessionId identifies the "
                    + "conversation: pass it back as sessionId to continue it (codex exec resume), or set "
                    + "resumeLatest. A run longer than the sync deadline (SYNC_DEADLINE_MS, default 45 s) returns "
                    + "{status:\"deferred\", jobId}; poll it with the tool the reply names. For long tasks prefer "
                    + "codex_request_async.",
            schema(true), c -> spec(c, "codex_request", true));

    static final RequestToolDefinition ASYNC = new RequestToolDefinition("codex_request_async",
            "Start the Codex CLI (codex exec) as a durable background job and return at once with {success, job:{id, "
                    + "status, ...}, sessionId}. Poll llm_job_status with job.id, then read the output with "
                    + "llm_job_result. An identical request within the dedup window returns the same job unless "
                    + "forceRefresh is set.",
            schema(false), c -> spec(c, "codex_request_async", false));

    private CodexRequestTools() {
    }

    private static InputSchema schema(boolean sync) {
        return SharedParameters.requestSchema(sync, TAIL, SESSION, OWN);
    }

    private static RequestSpec spec(ToolCall c, String operation, boolean sync) {
        CodexRequest.Builder b = CodexRequest.builder(c.requiredString("prompt"));
        SharedParameters.shared(b, c);
        SharedParameters.session(b, c, "resumeLatest");
        b.fullAuto(c.bool("fullAuto"))
                .sandboxMode(SharedParameters.enumValue(c, "sandboxMode", CodexSandboxMode::fromKey))
                .askForApproval(SharedParameters.enumValue(c, "askForApproval", CodexApprovalPolicy::fromKey))
                .useLegacyFullAutoFlag(c.bool("useLegacyFullAutoFlag"))
                .dangerouslyBypassApprovalsAndSandbox(c.bool("dangerouslyBypassApprovalsAndSandbox"))
                .outputFormat(SharedParameters.enumValue(c, "outputFormat", CodexOutputFormat::fromKey))
                .outputSchema(c.raw("outputSchema"))
                .search(c.bool("search"))
                .profile(c.string("profile").orElse(null))
                .configOverrides(SharedParameters.stringMap(c, "configOverrides"))
                .ephemeral(c.bool("ephemeral"))
                .images(c.strings("images").orElse(null))
                .ignoreUserConfig(c.bool("ignoreUserConfig"))
                .ignoreRules(c.bool("ignoreRules"));
        return new RequestSpec(operation, new CodexCall(b.build()), c.bool("optimizePrompt"),
                sync && c.bool("optimizeResponse"), null, null);
    }
}
