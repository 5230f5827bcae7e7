package com.verivus.gateway.request;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.codex.CodexAdapter;
import com.verivus.gateway.provider.codex.CodexRequest;
import com.verivus.gateway.provider.codex.CodexThreadId;
import com.verivus.gateway.session.Session;
import com.verivus.gateway.session.SessionStore;
import java.util.Optional;

/** codex_request / codex_request_async. */
public record CodexCall(CodexRequest request) implements ProviderCall {

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
        return new CodexCall(request.withShared(shared));
    }

    @Override
    public PreparedRun prepare(SessionStore sessions, PrepareContext ctx) {
        return CodexAdapter.prepare(request, sessions.getActive(CliName.CODEX).map(Session::id),
                ctx.withCodexThreads(CodexThreads.recordedIn(sessions)));
    }

    /** Codex: bypass = dangerouslyBypassApprovalsAndSandbox, full-auto = fullAuto. */
    @Override
    public Optional<ApprovalInputs> approvalInputs() {
        CodexRequest.Options o = request.options();
        return Optional.of(new ApprovalInputs(o.dangerouslyBypassApprovalsAndSandbox(), o.fullAuto(),
                ApprovalInputs.metadata(request.shared().model())));
    }

    /** The thread Codex started, recorded on the gateway session so that it resumes that thread. */
    @Override
    public Optional<String> upstreamSessionId(String stdout, String stderr) {
        return CodexThreadId.find(stdout, stderr);
    }
}
