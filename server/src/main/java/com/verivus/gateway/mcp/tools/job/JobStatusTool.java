package com.verivus.gateway.mcp.tools.job;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobSnapshot;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code llm_job_status}: the snapshot of one job, from memory or the durable store. */
public final class JobStatusTool implements GatewayTool {

    static final int MAX_TAIL = 100_000;

    private final JobEngine engine;

    public JobStatusTool(JobEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "llm_job_status";
    }

    @Override
    public String description() {
        return "Status of an async or deferred job: running, completed, failed, canceled or orphaned (its gateway "
                + "stopped while it ran), with exit code, timestamps and output sizes. Poll it until the status is "
                + "no longer running, then fetch the output with llm_job_result (or wait for the end with "
                + "llm_job_watch). With tailChars, the last characters of stdout and stderr come along "
                + "(stdoutTail, stderrTail), enough to see what a running job is doing.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder().string("jobId", "Async job ID from *_request_async (or the jobId of a deferred "
                + "sync reply)", p -> p.required())
                .integer("tailChars", "Also return the last this many characters of stdout and stderr (1 to 100000); "
                        + "omit for the status only.", p -> p.range(1, MAX_TAIL))
                .build();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        String jobId = call.requiredString("jobId");
        Optional<JobSnapshot> job = engine.snapshot(jobId);
        if (job.isEmpty()) {
            return JobToolResults.notFound(jobId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("job", job.get().toMap());
        call.integer("tailChars").flatMap(n -> engine.result(jobId, n.intValue())).ifPresent(tail -> {
            body.put("stdoutTail", tail.stdout());
            body.put("stderrTail", tail.stderr());
        });
        return ToolResults.json(body);
    }
}
