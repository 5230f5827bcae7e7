package com.verivus.gateway.provider.codex;

import com.verivus.gateway.provider.ArgumentGuards;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.IdSource;
import com.verivus.gateway.provider.SessionAction;
import com.verivus.gateway.provider.SessionMode;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.provider.SessionRequest;
import com.verivus.gateway.provider.UpstreamSessionLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Codex session planning (§3.2), with the thread-id fix of §14.7. Mode: createNewSession → a new
 * session; sessionId → {@code exec resume <thread>} (gw- ids refused); resumeLatest → {@code exec resume
 * --last}; else a new session.
 *
 * <p>The gateway's Codex session ids are its own (a bare UUID, as the Node gateway returns). After each
 * run the caller records Codex's real thread id (from {@code thread.started}, or the "session id:" line
 * of the text header) in that session's metadata under {@value #THREAD_ID_KEY}
 * ({@link SessionAction.RecordUpstreamSessionId}); when a later request names the session, its recorded
 * thread id is what {@code exec resume} gets. An id with no recorded thread (e.g. a real Codex id the
 * client got elsewhere) is passed through unchanged. Pure: the store is read only through the lookup.
 */
public final class CodexSessionPlanner {

    /** Session metadata key holding Codex's own thread id. */
    public static final String THREAD_ID_KEY = "codexThreadId";
    static final String DESCRIPTION = "Codex Session";

    private CodexSessionPlanner() {
    }

    public static SessionPlan plan(SessionRequest s, Optional<String> activeSessionId, UpstreamSessionLookup threads,
                                   IdSource ids) {
        SessionMode mode;
        List<String> args = new ArrayList<>();
        String upstream = null;
        if (s.createNewSession()) {
            mode = SessionMode.FRESH;
        } else if (s.sessionId() != null) {
            ArgumentGuards.rejectReservedSessionId(s.sessionId());
            mode = SessionMode.RESUME_BY_ID;
            upstream = threads.upstreamId(s.sessionId()).filter(t -> !t.isBlank()).orElse(s.sessionId());
            args.add("resume");
            args.add(upstream);
        } else if (s.continueLatest()) {
            mode = SessionMode.CONTINUE_LATEST;
            args.add("resume");
            args.add("--last");
        } else {
            mode = SessionMode.FRESH;
        }

        List<SessionAction> bookkeeping = new ArrayList<>();
        String effective;
        if (s.sessionId() != null) {
            effective = s.sessionId();
            bookkeeping.add(new SessionAction.TouchSession(CliName.CODEX, effective));
        } else if (!s.createNewSession() && activeSessionId.isPresent()) {
            effective = activeSessionId.get();
        } else {
            effective = ids.newUuid();
            bookkeeping.add(new SessionAction.CreateSession(CliName.CODEX, effective, DESCRIPTION));
        }
        bookkeeping.add(new SessionAction.RecordUpstreamSessionId(CliName.CODEX, effective, THREAD_ID_KEY));
        return new SessionPlan(mode, args, effective, upstream, null, mode != SessionMode.FRESH, bookkeeping);
    }
}
