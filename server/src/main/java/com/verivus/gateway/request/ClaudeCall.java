package com.verivus.gateway.request;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.claude.ClaudeAdapter;
import com.verivus.gateway.provider.claude.ClaudeRequest;
import com.verivus.gateway.session.Session;
import com.verivus.gateway.session.SessionStore;
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
        ClaudeRequest r = request;
        return new ClaudeCall(new ClaudeRequest(shared, r.session(), r.outputFormat(), r.allowedTools(),
                r.disallowedTools(), r.dangerouslySkipPermissions(), r.permissionMode(), r.agent(), r.agents(),
                r.forkSession(), r.systemPrompt(), r.appendSystemPrompt(), r.maxBudgetUsd(), r.maxTurns(), r.effort(),
                r.excludeDynamicSystemPromptSections(), r.strictMcpConfig()));
    }

    @Override
    public PreparedRun prepare(SessionStore sessions, PrepareContext ctx) {
        return ClaudeAdapter.prepare(request, sessions.getActive(CliName.CLAUDE).map(Session::id), ctx);
    }

    /** Claude: bypass = dangerouslySkipPermissions (not permissionMode), never full-auto. */
    @Override
    public Optional<ApprovalInputs> approvalInputs() {
        return Optional.of(new ApprovalInputs(request.dangerouslySkipPermissions(), false,
                ApprovalInputs.metadata(request.shared().model(), "strictMcpConfig", request.strictMcpConfig())));
    }

    @Override
    public String systemPrompt() {
        return request.systemPrompt() != null ? request.systemPrompt() : request.appendSystemPrompt();
    }
}
