package com.verivus.gateway.mcp.tools.job;

import com.verivus.gateway.mcp.ToolResults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** The "Job not found" reply the status and result tools share. */
final class JobToolResults {

    private JobToolResults() {
    }

    static CallToolResult notFound(String jobId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", "Job not found");
        body.put("jobId", jobId);
        return ToolResults.jsonError(body);
    }
}
