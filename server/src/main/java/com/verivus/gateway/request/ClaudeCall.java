package com.verivus.gateway.request;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.ProviderRequestException;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.claude.ClaudeAdapter;
import com.verivus.gateway.provider.claude.ClaudeMcpConfigException;
import com.verivus.gateway.provider.claude.ClaudeOutputParser;
import com.verivus.gateway.provider.claude.ClaudeRequest;
import com.verivus.gateway.session.Session;
import com.verivus.gateway.session.SessionStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** claude_request / claude_request_async. */
public record ClaudeCall(ClaudeRequest request) implements ProviderCall {

    @Override
    public CliName cli() {
        return CliName.CLAUDE;
    }

    @Override
    public SharedRequest shared() {
        return request.shared();
    }

    @Override
    public ProviderCall with(SharedRequest shared) {
        return new ClaudeCall(request.withShared(shared));
    }

    @Override
    public PreparedRun prepare(SessionStore sessions, PrepareContext ctx) {
        return ClaudeAdapter.prepare(request, sessions.getActive(CliName.CLAUDE).map(Session::id), ctx);
    }

    /** Claude: bypass = dangerouslySkipPermissions (not permissionMode), never full-auto. */
    @Override
    public Optional<ApprovalInputs> approvalInputs() {
        ClaudeRequest.Options o = request.options();
        return Optional.of(new ApprovalInputs(o.dangerouslySkipPermissions(), false,
                ApprovalInputs.metadata(request.shared().model(), "strictMcpConfig", o.strictMcpConfig())));
    }

    @Override
    public String systemPrompt() {
        ClaudeRequest.Options o = request.options();
        return o.systemPrompt() != null ? o.systemPrompt() : o.appendSystemPrompt();
    }

    /** The MCP config the request needs could not be written or lacks servers: a refusal body, not an error. */
    @Override
    public Optional<RequestReply> refusal(RequestSpec spec, ProviderRequestException e) {
        if (!(e instanceof ClaudeMcpConfigException config)) {
            return Optional.empty();
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("success", false);
        b.put("error", spec.operation() + " failed to prepare Claude MCP config");
        b.put("message", config.getMessage());
        b.put("correlationId", shared().correlationId());
        Map<String, Object> servers = new LinkedHashMap<>();
        servers.put("requested", config.requested());
        servers.put("missing", config.missing());
        b.put("mcpServers", servers);
        return Optional.of(new RequestReply.Refused(b));
    }

    /** stream-json: the text of the final result event. */
    @Override
    public String answerText(String outputFormat, String stdout) {
        if ("stream-json".equals(outputFormat)) {
            return ClaudeOutputParser.parseStreamJson(stdout).text();
        }
        return stdout;
    }

    /** A run without a session of its own continues Claude's active session, so that one is reported. */
    @Override
    public String startedSessionId(SessionPlan plan, SessionStore sessions) {
        String id = plan.effectiveSessionId();
        if (id == null) {
            return sessions.getActive(CliName.CLAUDE).map(Session::id).orElse(null);
        }
        return id;
    }
}
