package com.verivus.gateway.mcp.tools.session;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.mcp.CliErrorResult;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.SessionStore;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code session_clear_all}: deletes every session, or every session of one CLI. */
public final class SessionClearAllTool implements GatewayTool {

    private final SessionStore store;

    public SessionClearAllTool(SessionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "session_clear_all";
    }

    @Override
    public String description() {
        return "Delete all gateway sessions, or all sessions of one CLI, and clear the matching active-session "
                + "pointers. Irreversible; prefer session_delete for a single session. Returns how many were deleted.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .enumeration("cli", "Only delete sessions of this CLI (" + SessionJson.CLI_VALUES
                        + "); omit to delete the sessions of every CLI.", CliName.keys())
                .build();
    }

    @Override
    public CallToolResult call(ToolCall call) {
        try {
            CliName cli = call.string("cli").map(SessionJson::cli).orElse(null);
            int count = store.clearAll(cli);
            GatewayLog.info("Cleared " + count + " sessions" + (cli == null ? "" : " for " + cli.key()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", true);
            body.put("deletedCount", count);
            body.put("cli", cli == null ? "all" : cli.key());
            return ToolResults.json(body);
        } catch (RuntimeException e) {
            return CliErrorResult.exception(name(), e);
        }
    }
}
