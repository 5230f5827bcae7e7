package com.verivus.gateway.session;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.LeadingInteger;
import java.time.Duration;

/** How long a session lives after its last use: SESSION_TTL seconds, default 30 days. */
public final class SessionTtl {

    public static final long DEFAULT_SECONDS = 2_592_000L;

    private SessionTtl() {
    }

    /** SESSION_TTL read like the Node gateway reads it; unset, unparsable or not positive gives the default. */
    public static Duration from(GatewayEnvironment env) {
        String raw = env.get("SESSION_TTL").filter(v -> !v.isEmpty()).orElse(null);
        long seconds = LeadingInteger.positiveOr(raw, DEFAULT_SECONDS);
        // keep the millisecond arithmetic of expiry checks from overflowing
        return Duration.ofSeconds(Math.min(seconds, Long.MAX_VALUE / 1_000_000L));
    }
}
