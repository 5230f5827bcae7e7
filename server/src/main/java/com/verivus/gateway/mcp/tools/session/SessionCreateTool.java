package com.verivus.gateway.mcp.tools.session;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.mcp.CliErrorResult;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.Session;
import com.verivus.gateway.session.SessionStore;
import com.verivus.gateway.session.SessionStore.Activation;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code session_create}. Unlike the Node gateway, {@code setAsActive:false} is honoured: the new
 * session does not become active even when the CLI has none, and {@code isActive} says so truthfully.
 */
public final class SessionCreateTool implements GatewayTool {

    private final SessionStore store;

    public SessionCreateTool(SessionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "session_create";
    }

    @Override
    public String description() {
        return "Create a gateway conversation session for one CLI and (by default) make it that CLI's active "
                + "session. Use it to label and track a line of work per CLI; session_list shows them, "
                + "session_set_active switches between them. Returns the new session's id.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("cli", "CLI the session belongs to (" + SessionJson.CLI_VALUES + ").",
                        p -> p.allowed(CliName.keys()).required())
                .string("description", "Optional human-readable label for the session, e.g. the task it is for. "
                        + "Defaults to '<Cli> Session'.")
                .bool("setAsActive", "Make the new session the CLI's active session (default true). Pass false to "
                        + "create it without changing which session is active.", true)
                .build();
    }

    @Override
    public CallToolResult call(ToolCall call) {
        try {
            CliName cli = SessionJson.cli(call.requiredString("cli"));
            boolean setAsActive = call.bool("setAsActive");
            Session session = store.create(cli, call.string("description").orElse(null), null,
                    setAsActive ? Activation.ALWAYS : Activation.NEVER);
            GatewayLog.info("Created new " + cli.key() + " session: " + session.id());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", session.id());
            json.put("cli", cli.key());
            SessionJson.putIfPresent(json, "description", session.description());
            json.put("createdAt", session.createdAt());
            json.put("isActive", setAsActive);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("success", true);
            body.put("session", json);
            return ToolResults.json(body);
        } catch (RuntimeException e) {
            return CliErrorResult.exception(name(), e);
        }
    }
}
