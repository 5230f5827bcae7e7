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

/** {@code session_set_active}: points a CLI's active session at an existing session of that CLI, or clears it. */
public final class SessionSetActiveTool implements GatewayTool {

    static final String NOT_FOUND = "Session not found or does not belong to the specified CLI";

    private final SessionStore store;

    public SessionSetActiveTool(SessionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "session_set_active";
    }

    @Override
    public String description() {
        return "Choose which session is active for a CLI (the one request tools continue by default), or clear "
                + "it with sessionId null. The session must exist, be unexpired and belong to that CLI.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("cli", "CLI whose active session to change (" + SessionJson.CLI_VALUES + ").",
                        p -> p.allowed(CliName.keys()).required())
                .string("sessionId", "Id of a session of that CLI (from session_list or session_create), or null "
                        + "to clear the CLI's active session. The key is required.", p -> p.required().nullable())
                .build();
    }

    @Override
    public CallToolResult call(ToolCall call) {
        try {
            CliName cli = SessionJson.cli(call.requiredString("cli"));
            // the Node gateway treats "" like null (sessionId || null)
            String id = call.string("sessionId").filter(s -> !s.isEmpty()).orElse(null);
            if (!store.setActive(cli, id)) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("success", false);
                body.put("error", NOT_FOUND);
                return ToolResults.jsonError(body);
            }
            GatewayLog.info("Set active " + cli.key() + " session to: " + id);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", true);
            body.put("cli", cli.key());
            body.put("activeSessionId", id);
            return ToolResults.json(body);
        } catch (RuntimeException e) {
            return CliErrorResult.exception(name(), e);
        }
    }
}
