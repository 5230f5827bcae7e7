package com.verivus.gateway.mcp.tools.session;

import com.verivus.gateway.mcp.CliErrorResult;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.Session;
import com.verivus.gateway.session.SessionStore;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code session_list}: {total, sessions:[...], activeSessions:{cli: id|null}} (no success key, as in Node). */
public final class SessionListTool implements GatewayTool {

    private final SessionStore store;

    public SessionListTool(SessionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "session_list";
    }

    @Override
    public String description() {
        return "List the gateway's unexpired conversation sessions (all CLIs, or one) with which session is "
                + "active per CLI. Use it to find a session id before session_get, session_set_active or "
                + "session_delete.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .enumeration("cli", "Only list sessions of this CLI (" + SessionJson.CLI_VALUES
                        + "); omit to list all.", CliName.keys())
                .build();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        try {
            CliName cli = call.string("cli").map(SessionJson::cli).orElse(null);
            SessionStore.Overview overview = store.overview(cli);
            List<Map<String, Object>> sessions = new ArrayList<>();
            for (Session s : overview.sessions()) {
                Map<String, Object> json = SessionJson.summary(s);
                json.put("isActive", overview.isActive(s));
                sessions.add(json);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", sessions.size());
            body.put("sessions", sessions);
            body.put("activeSessions", SessionJson.activeSessions(overview.activeSessionIds()));
            return ToolResults.json(body);
        } catch (RuntimeException e) {
            return CliErrorResult.exception(name(), e);
        }
    }
}
