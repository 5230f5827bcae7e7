package com.verivus.gateway.mcp.tools.recorder;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.OutputPage;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.mcp.tools.job.JobSchemas;
import com.verivus.gateway.recorder.FlightRecorder;
import com.verivus.gateway.recorder.RecordedRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code llm_request_result}: finds a request again by its correlation id in the flight recorder —
 * sync, async, deferred, or a provider or judge run of a validation tool or review_changes (by the
 * {@code correlationId} its result reports), finished or not — with its status, timings and response, the response
 * paged like llm_job_result. When a client reused a correlation id, the most recent request is
 * returned and the others are listed. A request run as a job that this gateway can still read also
 * shows the job's live status.
 */
public final class RequestResultTool implements GatewayTool {

    static final int DEFAULT_MAX_CHARS = 200_000;

    private final FlightRecorder recorder;
    private final JobEngine engine;

    public RequestResultTool(FlightRecorder recorder, JobEngine engine) {
        this.recorder = recorder;
        this.engine = engine;
    }

    @Override
    public String name() {
        return "llm_request_result";
    }

    @Override
    public String description() {
        return "Look up any earlier provider request (claude_request, codex_request_async, a deferred sync request, "
                + "each provider or judge run of a validation tool or review_changes, ...) by its correlationId in the gateway's flight recorder: status (started while it runs, then "
                + "completed, failed, canceled or orphaned), start time, duration, exit code, error, tokens and "
                + "cost, the job id when it ran as a job (with that job's live status), and the response text. "
                + "Use it to recover an answer after a lost connection or a deferred reply. Long responses are paged: "
                + "pass offset = responsePage.nextOffset to read on until nextOffset is null. If a correlationId was "
                + "used more than once, the most recent request is returned and otherMatches lists the others.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("correlationId", "The correlationId of the request: the one you passed, the one its reply "
                        + "or job snapshot reported, or for a validation tool's provider or judge run the "
                        + "rawJobReference.correlationId of its result (review_changes: the reviewer's correlationId).", p -> p.required().length(1, null))
                .integer("offset", "Where to start reading the response (UTF-16 characters); default 0.",
                        p -> p.min(0))
                .integer("maxChars", "Max characters of the response in this reply; 1000 to 2000000, default 200000.",
                        p -> p.range(1000, 2_000_000).defaultValue(DEFAULT_MAX_CHARS))
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("success", JobSchemas.type("boolean"));
        p.put("request", JobSchemas.described("The recorded request: correlationId, cli, model, status, startedAt, "
                + "durationMs, exitCode, errorMessage, sessionId, asyncJobId, workingDir, retryCount, approvalDecision, "
                + "token counts, costUsd (null when unknown or not yet known).", JobSchemas.type("object")));
        p.put("response", JobSchemas.described("This page of the response text (the answer; for a failed request, "
                + "the CLI's stderr); empty while the request runs.", JobSchemas.type("string")));
        p.put("responsePage", JobSchemas.page("the response"));
        p.put("job", JobSchemas.described("The live snapshot of the job that ran the request, when it ran as a job "
                + "this gateway can read; null otherwise.", JobSchemas.nullable("object")));
        p.put("otherMatches", JobSchemas.described("Older requests with the same correlationId (summaries, most "
                + "recent first).", JobSchemas.arrayOf(JobSchemas.type("object"))));
        return JobSchemas.object(p);
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        String id = call.requiredString("correlationId");
        int maxChars = call.integer("maxChars").map(Long::intValue).orElse(DEFAULT_MAX_CHARS);
        long offset = call.integer("offset").orElse(0L);
        if (recorder.file().isEmpty()) {
            return ToolResults.errorText("The flight recorder is disabled on this gateway (LLM_GATEWAY_LOGS_DB=none, "
                    + "or its database could not be opened), so no request can be looked up.");
        }
        List<RecordedRequest> rows = recorder.find(id);
        if (rows.isEmpty()) {
            return ToolResults.errorText("No request with correlationId \"" + id + "\" in the flight recorder "
                    + recorder.file().get() + ". A validation tool's provider and judge runs are recorded under the "
                    + "rawJobReference.correlationId of its result (review_changes: each reviewer's correlationId), "
                    + "not under the validationId; a job id is looked up with job_status.");
        }
        RecordedRequest latest = rows.getFirst();
        OutputPage page = OutputPage.of(latest.response() == null ? "" : latest.response(), offset, maxChars);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("request", latest.summary());
        body.put("response", page.text());
        body.put("responsePage", page.position());
        body.put("job", latest.asyncJobId() == null ? null
                : engine.snapshot(latest.asyncJobId()).map(s -> (Object) s.toMap()).orElse(null));
        List<Object> others = new ArrayList<>();
        rows.subList(1, rows.size()).forEach(r -> others.add(r.summary()));
        body.put("otherMatches", others);
        return ToolResults.structured(ToolResults.pretty(body), body, false);
    }
}
