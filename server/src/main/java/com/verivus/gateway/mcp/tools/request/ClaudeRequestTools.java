package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.provider.Effort;
import com.verivus.gateway.provider.claude.ClaudeOutputFormat;
import com.verivus.gateway.provider.claude.ClaudePermissionMode;
import com.verivus.gateway.provider.claude.ClaudeRequest;
import com.verivus.gateway.request.ClaudeCall;
import com.verivus.gateway.request.RequestSpec;
import java.util.List;

/** claude_request and claude_request_async: the Claude Code CLI in print mode ({@code claude -p}). */
final class ClaudeRequestTools {

    private static final InputSchema OWN = InputSchema.builder()
            .enumeration("outputFormat", "text (default): the answer as plain text. json: Claude's single JSON "
                    + "result object, returned unmodified. stream-json: Claude's event stream (--output-format "
                    + "stream-json --verbose --include-partial-messages); the reply text is the final result and "
                    + "token usage and cost go into structuredContent; only this format has an idle timeout.",
                    List.of("text", "json", "stream-json"), "text")
            .string("sessionId", "Claude session id to run under (--session-id <id>). Naming the active Claude "
                    + "session continues it instead (--continue). Without sessionId, continueSession or "
                    + "createNewSession, the active Claude session (session_set_active) is continued.")
            .bool("continueSession", "Continue Claude's most recent conversation (--continue).", false)
            .bool("createNewSession", "Start a fresh conversation even when a Claude session is active (no "
                    + "session flag).", false)
            .stringArray("allowedTools", "Tools Claude may use without asking (--allowed-tools), e.g. Read, "
                    + "\"Bash(git:*)\". An explicitly empty list in a review prompt is flagged by the review-integrity "
                    + "check. Values must not start with '-'.")
            .stringArray("disallowedTools", "Tools Claude must not use (--disallowed-tools). Values must not start "
                    + "with '-'.")
            .bool("dangerouslySkipPermissions", "Deprecated: same as permissionMode bypassPermissions (which wins "
                    + "when both are given). Raises the approval score under mcp_managed.", false)
            .enumeration("permissionMode", "Claude's --permission-mode: default (pass nothing), acceptEdits, plan, "
                    + "auto, dontAsk, bypassPermissions. Ignored under approvalStrategy mcp_managed, which always runs "
                    + "with bypassPermissions once approved.", List.of("default", "acceptEdits", "plan", "auto",
                    "dontAsk", "bypassPermissions"))
            .string("agent", "Name of a Claude agent to run as (--agent).")
            .object("agents", "Custom agents for this run (--agents JSON): a map of agent name to {description, "
                    + "prompt, tools?, model?}; description and prompt are required and non-empty.")
            .bool("forkSession", "With a resumed session, continue in a new session id instead of the original "
                    + "(--fork-session).")
            .string("systemPrompt", "Replace Claude's system prompt (--system-prompt). Not together with "
                    + "appendSystemPrompt.")
            .string("appendSystemPrompt", "Append to Claude's system prompt (--append-system-prompt). Not together "
                    + "with systemPrompt.")
            .number("maxBudgetUsd", "Stop once the run has cost this many US dollars (--max-budget-usd); must be "
                    + "greater than 0.", p -> { })
            .integer("maxTurns", "Stop after this many agent turns (--max-turns); at least 1.", p -> p.min(1))
            .enumeration("effort", "Reasoning effort (--effort): low, medium, high, xhigh, max.",
                    SharedParameters.EFFORTS)
            .bool("excludeDynamicSystemPromptSections", "Leave the dynamic sections (environment, git status, "
                    + "...) out of the system prompt (--exclude-dynamic-system-prompt-sections).")
            .build();

    private static final InputSchema TAIL = InputSchema.builder()
            .include(SharedParameters.idleTimeout(" Claude applies it only with outputFormat stream-json."))
            .include(SharedParameters.APPROVAL)
            .include(SharedParameters.mcpServers("MCP servers Claude gets through a generated --mcp-config file "
                    + "(definitions from ~/.codex/config.toml [mcp_servers] when present, else built-in defaults)."))
            .bool("strictMcpConfig", "Use only the generated MCP servers, none of Claude's own "
                    + "(--strict-mcp-config); the request fails when a requested server is unavailable.", false)
            .include(SharedParameters.FORCE_REFRESH)
            .include(SharedParameters.workspace("--add-dir"))
            .build();

    static final RequestToolDefinition SYNC = new RequestToolDefinition("claude_request",
            "Ask Claude Code (the claude CLI, print mode) and wait for the answer. Use for one-shot questions, reviews "
                    + "and edits by Claude. The reply text is Claude's answer; structuredContent carries model, "
                    + "sessionId (pass it back, or keep using the active session, to continue the conversation), "
                    + "durationMs, token counts and cost when the output format reports them. A run longer than the "
                    + "gateway's sync deadline (SYNC_DEADLINE_MS, default 45 s) returns {status:\"deferred\", jobId} "
                    + "instead: poll the job with the tool the reply names. For long tasks prefer claude_request_async.",
            schema(true), c -> spec(c, "claude_request", true));

    static final RequestToolDefinition ASYNC = new RequestToolDefinition("claude_request_async",
            "Start Claude Code (the claude CLI) as a durable background job and return at once with {success, job:{id, "
                    + "status, ...}, sessionId}. Poll llm_job_status with job.id until the status is no longer "
                    + "running, then read the answer with llm_job_result (stream-json output is parsed there). Jobs "
                    + "survive in the job store; an identical request within the dedup window returns the same job "
                    + "unless forceRefresh is set.",
            schema(false), c -> spec(c, "claude_request_async", false));

    private ClaudeRequestTools() {
    }

    private static InputSchema schema(boolean sync) {
        return SharedParameters.requestSchema(sync, TAIL, OWN);
    }

    private static RequestSpec spec(ToolCall c, String operation, boolean sync) {
        ClaudeRequest.Builder b = ClaudeRequest.builder(c.requiredString("prompt"));
        SharedParameters.shared(b, c);
        SharedParameters.session(b, c, "continueSession");
        List<String> allowed = c.strings("allowedTools").orElse(null);
        List<String> disallowed = c.strings("disallowedTools").orElse(null);
        b.outputFormat(SharedParameters.enumValue(c, "outputFormat", ClaudeOutputFormat::fromKey))
                .allowedTools(allowed).disallowedTools(disallowed)
                .dangerouslySkipPermissions(c.bool("dangerouslySkipPermissions"))
                .permissionMode(SharedParameters.enumValue(c, "permissionMode", ClaudePermissionMode::fromKey))
                .agent(c.string("agent").orElse(null))
                .agents(c.object("agents").orElse(null))
                .forkSession(c.bool("forkSession"))
                .systemPrompt(c.string("systemPrompt").orElse(null))
                .appendSystemPrompt(c.string("appendSystemPrompt").orElse(null))
                .maxBudgetUsd(c.number("maxBudgetUsd").orElse(null))
                .maxTurns(c.integer("maxTurns").orElse(null))
                .effort(SharedParameters.enumValue(c, "effort", Effort::fromKey))
                .excludeDynamicSystemPromptSections(c.bool("excludeDynamicSystemPromptSections"))
                .strictMcpConfig(c.bool("strictMcpConfig"));
        return new RequestSpec(operation, new ClaudeCall(b.build()), c.bool("optimizePrompt"),
                sync && c.bool("optimizeResponse"), allowed, disallowed);
    }
}
