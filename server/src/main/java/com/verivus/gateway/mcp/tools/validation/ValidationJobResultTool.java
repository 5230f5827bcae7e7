package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.validation.ResultNormalizer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code job_result}: a validation job's output plus its normalized answer. The answer is read as
 * the given provider's, else as the job's own CLI's (the Node gateway normalized only when told
 * the provider). An unknown id is an error.
 */
public final class ValidationJobResultTool implements GatewayTool {

    public static final int DEFAULT_MAX_CHARS = 200_000;

    private final JobEngine engine;

    public ValidationJobResultTool(JobEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "job_result";
    }

    @Override
    public String description() {
        return "Output of a validation job: its status, stdout and stderr (the last maxChars characters of each), "
                + "and 'normalized': the answer reduced to verdict, rationale and risks like a validation report's "
                + "results (pass those to synthesize_validation). Works while the job runs (partial output).";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("jobId", "The validation job's id (a report's jobId / rawJobReference.jobId).",
                        p -> p.required().length(1, null))
                .enumeration("provider", "Provider whose answer this is; defaults to the job's own CLI.",
                        CliName.keys())
                .integer("maxChars", "Max characters returned per stream (the last ones are kept); 1000 to 2000000.",
                        p -> p.range(1000, 2_000_000).defaultValue(DEFAULT_MAX_CHARS))
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return ValidationSchemas.jobResult();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        String jobId = call.requiredString("jobId");
        int maxChars = call.integer("maxChars").map(Long::intValue).orElse(DEFAULT_MAX_CHARS);
        Optional<JobResult> result = engine.result(jobId, maxChars);
        if (result.isEmpty()) {
            return ValidationJobStatusTool.notFound(jobId);
        }
        JobResult r = result.get();
        Optional<CliName> provider = call.string("provider").flatMap(CliName::fromKey)
                .or(() -> CliName.fromKey(r.snapshot().cli()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("result", r.toMap());
        body.put("normalized", provider.map(p -> ResultNormalizer.of(p, null, r, null).toMap()).orElse(null));
        return ToolResults.structured(ToolResults.pretty(body), body, false);
    }
}
