package com.verivus.gateway.mcp.tools.session;

import com.verivus.gateway.log.GatewayLog;
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

/** {@code session_delete}: removes one session; if it was active, its CLI has no active session afterwards. */
public final class SessionDeleteTool implements GatewayTool {

    private final SessionStore store;

    public SessionDeleteTool(SessionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "session_delete";
    }

    @Override
    public String description() {
        return "Delete one gateway session by id. If it was its CLI's active session, that CLI has no active "
                + "session afterwards. Does not touch the CLI's own conversation history.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("sessionId", "Id of the session to delete (from session_list).", p -> p.required())
                .build();
    }

    @Override
    public CallToolResult call(ToolCall call) {
        try {
            String id = call.requiredString("sessionId");
            Optional<Session> session = store.get(id);
            if (session.isEmpty()) {
                return SessionGetTool.notFound();
            }
            boolean deleted = store.delete(id);
            GatewayLog.info("Deleted session: " + id);
            Session s = session.get();
            Map<String, Object> gone = new LinkedHashMap<>();
            gone.put("id", s.id());
            gone.put("cli", s.cli().key());
            SessionJson.putIfPresent(gone, "description", s.description());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", deleted);
            body.put("deletedSession", gone);
            return ToolResults.json(body);
        } catch (RuntimeException e) {
            return CliErrorResult.exception(name(), e);
        }
    }
}
