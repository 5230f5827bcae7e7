package com.verivus.gateway.mcp.tools.approval;

import com.verivus.gateway.approval.ApprovalLog;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.provider.CliName;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** approval_list: the audit trail of mcp_managed approval decisions, newest first. */
public final class ApprovalListTool implements GatewayTool {

    private static final InputSchema SCHEMA = InputSchema.builder()
            .integer("limit", "How many decisions to return, newest first (1-500, default 50).",
                    p -> p.range(1, 500).defaultValue(50))
            .enumeration("cli", "Only decisions for this CLI; omit for all CLIs.", CliName.keys())
            .build();

    private final ApprovalLog log;

    public ApprovalListTool(ApprovalLog log) {
        this.log = log;
    }

    @Override
    public String name() {
        return "approval_list";
    }

    @Override
    public String description() {
        return "List recent approval decisions made for requests sent with approvalStrategy \"mcp_managed\": "
                + "status (approved/denied), policy, risk score and the reasons behind it, newest first. Use it to "
                + "audit why a request was denied or to review what was allowed. Prompts are stored only as a "
                + "sha256 unless the gateway runs with APPROVAL_LOG_PROMPTS=1.";
    }

    @Override
    public InputSchema inputSchema() {
        return SCHEMA;
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        int limit = call.integer("limit").orElse(50L).intValue();
        List<Map<String, Object>> approvals = log.list(limit, call.string("cli").orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("count", approvals.size());
        body.put("approvals", approvals);
        return ToolResults.json(body);
    }
}
