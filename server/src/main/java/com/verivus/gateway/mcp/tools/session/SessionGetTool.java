package com.verivus.gateway.mcp.tools.session;

import com.verivus.gateway.mcp.CliErrorResult;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.session.Session;
import com.verivus.gateway.session.SessionStore;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code session_get}: the full stored session (metadata included) plus isActive. */
public final class SessionGetTool implements GatewayTool {

    static final String NOT_FOUND = "Session not found";

    private final SessionStore store;

    public SessionGetTool(SessionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "session_get";
    }

    @Override
    public String description() {
        return "Show one session in full: CLI, description, creation and last-use times, provider metadata "
                + "(e.g. the CLI's own conversation id) and whether it is the CLI's active session.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("sessionId", "Id of the session to show (from session_list or session_create).",
                        p -> p.required())
                .build();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        try {
            Optional<Session> session = store.get(call.requiredString("sessionId"));
            if (session.isEmpty()) {
                return notFound();
            }
            Session s = session.get();
            boolean active = store.getActive(s.cli()).map(a -> a.id().equals(s.id())).orElse(false);
            Map<String, Object> json = new LinkedHashMap<>(s.toJson());
            json.put("isActive", active);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", true);
            body.put("session", json);
            return ToolResults.json(body);
        } catch (RuntimeException e) {
            return CliErrorResult.exception(name(), e);
        }
    }

    static CallToolResult notFound() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", NOT_FOUND);
        return ToolResults.jsonError(body);
    }
}
