package com.verivus.gateway.request;

import com.verivus.gateway.provider.UpstreamSessionLookup;
import com.verivus.gateway.provider.codex.CodexSessionPlanner;
import com.verivus.gateway.session.Session;
import com.verivus.gateway.session.SessionStore;

/**
 * The Codex thread a gateway session stands for, recorded in its metadata after an earlier run: the Codex
 * adapters resume that thread, so the session id the client got resumes the real conversation.
 */
final class CodexThreads {

    private CodexThreads() {
    }

    static UpstreamSessionLookup recordedIn(SessionStore sessions) {
        return id -> sessions.get(id)
                .map(Session::metadataOrEmpty).map(m -> m.get(CodexSessionPlanner.THREAD_ID_KEY))
                .filter(v -> v instanceof String).map(String.class::cast);
    }
}
