package com.verivus.gateway.mcp.tools.job;

import com.verivus.gateway.job.CancelResult;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code llm_job_cancel}: cancels a running job of this gateway and kills its process tree. */
public final class JobCancelTool implements GatewayTool {

    private final JobEngine engine;

    public JobCancelTool(JobEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "llm_job_cancel";
    }

    @Override
    public String description() {
        return "Cancel a running async or deferred job: its CLI process and every child process get SIGTERM "
                + "(SIGKILL after 5 s) and the job becomes canceled at once; output written so far stays readable "
                + "with llm_job_result. Finished jobs cannot be canceled. A job running on another gateway that shares "
                + "a PostgreSQL job store is canceled by that gateway on request (this call waits for it to confirm); "
                + "on a shared SQLite file it must be canceled through the gateway that runs it.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder().string("jobId", "Async job ID from *_request_async (or the jobId of a deferred "
                + "sync reply)", p -> p.required()).build();
    }

    @Override
    public CallToolResult call(ToolCall call) {
        String jobId = call.requiredString("jobId");
        CancelResult result = engine.cancel(jobId);
        Map<String, Object> body = new LinkedHashMap<>();
        if (result.canceled()) {
            body.put("success", true);
            body.put("jobId", jobId);
            return ToolResults.json(body);
        }
        body.put("success", false);
        body.put("jobId", jobId);
        body.put("reason", result.reason());
        return ToolResults.jsonError(body);
    }
}
