package com.verivus.gateway.request;

import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.codex.CodexSessionPlanner;
import com.verivus.gateway.session.Session;
import com.verivus.gateway.session.SessionStore;

/**
 * The Codex thread id a gateway session resumes, recorded in its metadata after an earlier run: the
 * Codex adapters read it through their context, so a session id the client got resumes the real thread.
 */
final class CodexThreads {

    private CodexThreads() {
    }

    static PrepareContext lookedUpIn(SessionStore sessions, PrepareContext ctx) {
        return ctx.withCodexThreads(id -> sessions.get(id)
                .map(Session::metadataOrEmpty).map(m -> m.get(CodexSessionPlanner.THREAD_ID_KEY))
                .filter(v -> v instanceof String).map(String.class::cast));
    }
}
