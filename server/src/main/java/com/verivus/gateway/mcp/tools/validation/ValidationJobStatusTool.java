package com.verivus.gateway.mcp.tools.validation;

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

/**
 * {@code job_status}: the state of a validation job. Registered always, so it also reads any job of
 * the engine when the async llm_job_* tools are not registered. An unknown id is an error (the Node
 * gateway answered it as a success, §14.14).
 */
public final class ValidationJobStatusTool implements GatewayTool {

    private final JobEngine engine;

    public ValidationJobStatusTool(JobEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "job_status";
    }

    @Override
    public String description() {
        return "Status of a validation job (a jobId from validate_with_models, second_opinion, red_team_review, "
                + "consensus_check, ask_model or synthesize_validation): running, completed, failed, canceled or "
                + "orphaned, with exit code and timestamps. Collect the output with job_result.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder().string("jobId", "The validation job's id (a report's jobId / rawJobReference.jobId).",
                p -> p.required().length(1, null)).build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return ValidationSchemas.jobStatus();
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
            return notFound(jobId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("job", job.get().toMap());
        return ToolResults.structured(ToolResults.pretty(body), body, false);
    }

    static CallToolResult notFound(String jobId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", "Job not found");
        body.put("jobId", jobId);
        return ToolResults.structured(ToolResults.pretty(body), body, true);
    }
}
