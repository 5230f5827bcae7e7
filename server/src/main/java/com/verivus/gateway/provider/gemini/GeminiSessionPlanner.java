package com.verivus.gateway.provider.gemini;

import com.verivus.gateway.provider.ArgumentGuards;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.FlagValue;
import com.verivus.gateway.provider.IdSource;
import com.verivus.gateway.provider.ProviderRequestException;
import com.verivus.gateway.provider.SessionAction;
import com.verivus.gateway.provider.SessionMode;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.provider.SessionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Gemini session planning (§3.3): sessionId → {@code --resume <id>} (gw- refused, resumable); resumeLatest →
 * {@code --resume latest}; otherwise a fresh {@code --session-id <uuid v4>} whose id is reported as the
 * session. Pure: the new id comes from the {@link IdSource}.
 */
public final class GeminiSessionPlanner {

    static final Pattern UUID_V4 = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", Pattern.CASE_INSENSITIVE);
    static final String DESCRIPTION = "Gemini Session";

    private GeminiSessionPlanner() {
    }

    public static SessionPlan plan(SessionRequest s, IdSource ids) {
        List<String> args = new ArrayList<>();
        SessionMode mode;
        String effective;
        if (s.sessionId() != null && !s.createNewSession()) {
            ArgumentGuards.rejectReservedSessionId(s.sessionId());
            FlagValue.append(args, "--resume", s.sessionId());
            effective = s.sessionId();
            mode = SessionMode.RESUME_BY_ID;
        } else if (s.continueLatest() && !s.createNewSession()) {
            args.add("--resume");
            args.add("latest");
            effective = null;
            mode = SessionMode.CONTINUE_LATEST;
        } else {
            String id = ids.newUuid();
            if (!UUID_V4.matcher(id).matches()) {
                throw new ProviderRequestException("Generated Gemini session id is not a v4 UUID: " + id);
            }
            args.add("--session-id");
            args.add(id);
            effective = id;
            mode = SessionMode.FRESH;
        }
        List<SessionAction> bookkeeping = new ArrayList<>();
        if (effective != null) {
            bookkeeping.add(new SessionAction.EnsureSession(CliName.GEMINI, effective, DESCRIPTION));
            bookkeeping.add(new SessionAction.TouchSession(CliName.GEMINI, effective));
        }
        boolean resumed = mode == SessionMode.RESUME_BY_ID;
        return new SessionPlan(mode, args, effective, effective, resumed, mode != SessionMode.FRESH, bookkeeping);
    }
}
