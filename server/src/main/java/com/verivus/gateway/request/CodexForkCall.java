package com.verivus.gateway.request;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.codex.CodexAdapter;
import com.verivus.gateway.provider.codex.CodexForkRequest;
import com.verivus.gateway.provider.codex.CodexThreadId;
import com.verivus.gateway.session.Session;
import com.verivus.gateway.session.SessionStore;
import java.util.Optional;

/** codex_fork_session: no approval parameters, no session bookkeeping. */
public record CodexForkCall(CodexForkRequest request) implements ProviderCall {

    @Override
    public CliName cli() {
        return CliName.CODEX;
    }

    @Override
    public SharedRequest shared() {
        return request.shared();
    }

    @Override
    public ProviderCall with(SharedRequest shared) {
        return new CodexForkCall(request.withShared(shared));
    }

    @Override
    public PreparedRun prepare(SessionStore sessions, PrepareContext ctx) {
        return CodexAdapter.prepareFork(request, sessions.getActive(CliName.CODEX).map(Session::id),
                ctx.withCodexThreads(CodexThreads.recordedIn(sessions)));
    }

    @Override
    public Optional<ApprovalInputs> approvalInputs() {
        return Optional.empty();
    }

    /** The reply names the new thread Codex forked, not the session it was forked from. */
    @Override
    public String replySessionId(SessionPlan plan, RunOutcome outcome) {
        return CodexThreadId.find(outcome.stdout(), outcome.stderr()).orElse(null);
    }
}
