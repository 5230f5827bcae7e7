package com.verivus.gateway.request;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.provider.SessionAction;
import com.verivus.gateway.session.SessionStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Performs a session plan's bookkeeping against the session store. */
final class SessionBookkeeping {

    private final SessionStore store;

    SessionBookkeeping(SessionStore store) {
        this.store = store;
    }

    /** The store actions of a plan, in order. Store failures are thrown (an async request then starts no job). */
    void apply(List<SessionAction> actions) {
        for (SessionAction action : actions) {
            switch (action) {
                case SessionAction.EnsureSession a -> {
                    if (store.get(a.sessionId()).isEmpty()) {
                        store.create(a.cli(), a.description(), a.sessionId(), SessionStore.Activation.IF_NONE_ACTIVE);
                    }
                }
                case SessionAction.CreateSession a ->
                        store.create(a.cli(), a.description(), a.sessionId(), SessionStore.Activation.IF_NONE_ACTIVE);
                case SessionAction.TouchSession a -> store.updateUsage(a.sessionId());
                case SessionAction.RecordUpstreamSessionId a -> {
                    // needs the run's output: see recordUpstream
                }
            }
        }
    }

    /**
     * After the run: the CLI's own conversation id found in its output goes into the session's
     * metadata, so that the session id the client got resumes the real conversation. Never throws.
     */
    void recordUpstream(List<SessionAction.RecordUpstreamSessionId> actions, ProviderCall call, String stdout,
                        String stderr) {
        if (actions.isEmpty()) {
            return;
        }
        Optional<String> upstream = call.upstreamSessionId(stdout, stderr);
        if (upstream.isEmpty()) {
            return;
        }
        for (SessionAction.RecordUpstreamSessionId a : actions) {
            try {
                store.updateMetadata(a.sessionId(), Map.of(a.metadataKey(), upstream.get()));
            } catch (RuntimeException e) {
                GatewayLog.warn("Could not record " + a.metadataKey() + " on session " + a.sessionId() + ": "
                        + e.getMessage());
            }
        }
    }
}
