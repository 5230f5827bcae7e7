package com.verivus.gateway.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * Session planning shared by Grok and Mistral Vibe (§3.4, §3.5): createNewSession → no session flag;
 * resumeLatest without sessionId → {@code --continue}; sessionId → {@code --resume <id>} (gw- ids refused).
 * A user-given id is recorded (and reported resumable); otherwise, unless createNewSession, the run gets a
 * bookkeeping session {@code gw-<uuid>}, which is reported but not resumable. Pure.
 */
public final class ResumeContinuePlanner {

    private ResumeContinuePlanner() {
    }

    public static SessionPlan plan(CliName cli, String description, SessionRequest s, IdSource ids) {
        List<String> args = new ArrayList<>();
        SessionMode mode = SessionMode.FRESH;
        if (!s.createNewSession()) {
            if (s.sessionId() != null) {
                ArgumentGuards.rejectReservedSessionId(s.sessionId());
                args.add("--resume");
                args.add(s.sessionId());
                mode = SessionMode.RESUME_BY_ID;
            } else if (s.continueLatest()) {
                args.add("--continue");
                mode = SessionMode.CONTINUE_LATEST;
            }
        }
        List<SessionAction> bookkeeping = new ArrayList<>();
        String effective = null;
        boolean resumable = false;
        if (s.sessionId() != null) {
            effective = s.sessionId();
            resumable = true;
            bookkeeping.add(new SessionAction.EnsureSession(cli, effective, description));
            bookkeeping.add(new SessionAction.TouchSession(cli, effective));
        } else if (!s.createNewSession()) {
            effective = ArgumentGuards.RESERVED_SESSION_PREFIX + ids.newUuid();
            bookkeeping.add(new SessionAction.CreateSession(cli, effective, description));
        }
        String upstream = mode == SessionMode.RESUME_BY_ID ? s.sessionId() : null;
        return new SessionPlan(mode, args, effective, upstream, resumable, mode != SessionMode.FRESH, bookkeeping);
    }
}
