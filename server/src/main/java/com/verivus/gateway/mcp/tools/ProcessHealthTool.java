package com.verivus.gateway.mcp.tools;

import com.verivus.gateway.job.ProcessHealthReport;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/** {@code llm_process_health}: running-job health and the persistence settings in force, as pretty JSON. */
public final class ProcessHealthTool implements GatewayTool {

    private final ProcessHealthReport report;

    public ProcessHealthTool(ProcessHealthReport report) {
        this.report = report;
    }

    @Override
    public String name() {
        return "llm_process_health";
    }

    @Override
    public String description() {
        return "Report the health of this gateway's running CLI jobs (pid liveness, zombie/dead processes, CPU "
                + "and memory, how long each has run) and the persistence settings in force: backend, job store "
                + "path (path/dbPath), data directory, retention, dedup window, which config file and legacy "
                + "environment variables were used, and a warning when async job tools are not available.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.empty();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        return ToolResults.text(report.json());
    }
}
