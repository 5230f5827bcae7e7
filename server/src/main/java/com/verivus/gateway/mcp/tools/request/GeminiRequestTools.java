package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.InvalidArgumentsException;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.provider.gemini.GeminiApprovalMode;
import com.verivus.gateway.provider.gemini.GeminiRequest;
import com.verivus.gateway.request.GeminiCall;
import com.verivus.gateway.request.RequestSpec;
import java.nio.file.Path;
import java.util.List;

/** gemini_request and gemini_request_async: the Gemini CLI headless ({@code gemini -p}). */
final class GeminiRequestTools {

    private static final InputSchema SESSION = SharedParameters.sessionTrio(
            "Resume this Gemini session (--resume <id>), e.g. the sessionId of an earlier gemini reply. Gateway "
                    + "bookkeeping ids (gw-*) are refused. Without it (or with createNewSession) the run starts a "
                    + "fresh session with a new id (--session-id), returned as sessionId.",
            "Resume Gemini's most recent session (--resume latest).",
            "Start a fresh session even when sessionId or resumeLatest is given.");

    private static final InputSchema OWN = InputSchema.builder()
            .enumeration("approvalMode", "Gemini's --approval-mode: default, auto_edit, yolo (approve everything; "
                    + "raises the approval score under mcp_managed), plan. approvalStrategy mcp_managed runs with yolo "
                    + "once approved.", List.of("default", "auto_edit", "yolo", "plan"))
            .stringArray("allowedTools", "Tools Gemini may run without asking (--allowed-tools, one flag per tool). "
                    + "Values must not start with '-'.")
            .stringArray("includeDirs", "Extra directories Gemini may read (--include-directories).")
            .enumeration("outputFormat", "text (default): the answer. json: Gemini's JSON document (-o json), "
                    + "returned raw, with token counts in structuredContent.", List.of("text", "json"), "text")
            .bool("sandbox", "Run Gemini's tools in its sandbox (-s).")
            .stringArray("policyFiles", "Policy files to load (--policy); each must exist.")
            .stringArray("adminPolicyFiles", "Admin policy files to load (--admin-policy); each must exist.")
            .stringArray("attachments", "Absolute paths of files to attach; each is prepended to the prompt as "
                    + "@<path> and must exist.")
            .build();

    private static final InputSchema TAIL = InputSchema.builder()
            .include(SharedParameters.idleTimeout(""))
            .include(SharedParameters.APPROVAL)
            .include(SharedParameters.mcpServers("MCP servers Gemini may use (--allowed-mcp-server-names, one flag "
                    + "per server)."))
            .include(SharedParameters.FORCE_REFRESH)
            .include(SharedParameters.workspace("--include-directories (like includeDirs)"))
            .build();

    static final RequestToolDefinition SYNC = new RequestToolDefinition("gemini_request",
            "Ask the Gemini CLI (gemini -p) and wait for the answer. Use for Google Gemini's view, long-context reads "
                    + "and attachments. The reply text is Gemini's answer; structuredContent.sessionId is the Gemini "
                    + "session (a fresh one unless you resume; resumable says whether it resumed one): pass it as "
                    + "sessionId to continue. A run longer than the sync deadline (SYNC_DEADLINE_MS, default 45 s) "
                    + "returns {status:\"deferred\", jobId}; poll it with the tool the reply names.",
            schema(true), c -> spec(c, "gemini_request", true));

    static final RequestToolDefinition ASYNC = new RequestToolDefinition("gemini_request_async",
            "Start the Gemini CLI (gemini -p) as a durable background job and return at once with {success, job:{id, "
                    + "status, ...}, sessionId, resumable}. Poll llm_job_status with job.id, then read the output with "
                    + "llm_job_result.",
            schema(false), c -> spec(c, "gemini_request_async", false));

    private GeminiRequestTools() {
    }

    private static InputSchema schema(boolean sync) {
        return SharedParameters.requestSchema(sync, TAIL, SESSION, OWN);
    }

    private static RequestSpec spec(ToolCall c, String operation, boolean sync) {
        List<String> attachments = c.strings("attachments").orElse(null);
        if (attachments != null && attachments.stream().anyMatch(a -> !Path.of(a).isAbsolute())) {
            throw new InvalidArgumentsException("attachments: attachments paths must be absolute");
        }
        GeminiRequest.Builder b = GeminiRequest.builder(c.requiredString("prompt"));
        SharedParameters.shared(b, c);
        SharedParameters.session(b, c, "resumeLatest");
        List<String> allowed = c.strings("allowedTools").orElse(null);
        b.approvalMode(SharedParameters.enumValue(c, "approvalMode", GeminiApprovalMode::fromKey))
                .allowedTools(allowed)
                .includeDirs(c.strings("includeDirs").orElse(null))
                .json("json".equals(c.string("outputFormat").orElse("text")))
                .sandbox(c.bool("sandbox"))
                .policyFiles(c.strings("policyFiles").orElse(null))
                .adminPolicyFiles(c.strings("adminPolicyFiles").orElse(null))
                .attachments(attachments);
        return new RequestSpec(operation, new GeminiCall(b.build()), c.bool("optimizePrompt"),
                sync && c.bool("optimizeResponse"), allowed, null);
    }
}
