package com.verivus.gateway.provider.claude;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.FlagValue;
import com.verivus.gateway.provider.SessionAction;
import com.verivus.gateway.provider.SessionMode;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.provider.SessionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Claude session arguments (§3.1 step 8). With no session input and an active Claude session, the run
 * continues it ({@code --continue}); naming the active session also continues; another id goes through
 * {@code --session-id}. Claude ids are not gw-checked. Pure: no store access.
 */
public final class ClaudeSessionPlanner {

    static final String DESCRIPTION = "Claude Session";

    private ClaudeSessionPlanner() {
    }

    public static SessionPlan plan(SessionRequest s, Optional<String> activeSessionId) {
        String effective = s.sessionId();
        boolean continueRun = s.continueLatest();
        if (!s.createNewSession() && !continueRun && effective == null && activeSessionId.isPresent()) {
            effective = activeSessionId.get();
            continueRun = true;
        }
        if (effective != null && activeSessionId.isPresent() && effective.equals(activeSessionId.get())) {
            continueRun = true;
        }
        List<String> args = new ArrayList<>();
        List<SessionAction> bookkeeping = new ArrayList<>();
        SessionMode mode;
        String upstream = null;
        if (continueRun) {
            args.add("--continue");
            mode = SessionMode.CONTINUE_LATEST;
        } else if (effective != null) {
            FlagValue.append(args, "--session-id", effective);
            upstream = effective;
            mode = SessionMode.RESUME_BY_ID;
        } else {
            mode = SessionMode.FRESH;
        }
        if (effective != null) {
            bookkeeping.add(new SessionAction.EnsureSession(CliName.CLAUDE, effective, DESCRIPTION));
            if (!continueRun) {
                bookkeeping.add(new SessionAction.TouchSession(CliName.CLAUDE, effective));
            }
        }
        boolean continues = continueRun || s.sessionId() != null;
        return new SessionPlan(mode, args, effective, upstream, null, continues, bookkeeping);
    }
}
