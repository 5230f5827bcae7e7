package com.verivus.gateway.config;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code SYNC_DEADLINE_MS}: how long a sync {@code *_request} waits before it answers "deferred" with a
 * job id. Default 45000; {@code 0} means run inline to completion.
 */
public final class SyncDeadline {

    public static final long DEFAULT_MS = 45_000;
    static final String ENV = "SYNC_DEADLINE_MS";
    private static final Pattern DIGITS = Pattern.compile("\\d{1,15}");

    private SyncDeadline() {
    }

    /** The deadline in force; an unusable value falls back to the default with a warning. */
    public static long fromEnvironment(GatewayEnvironment env, Consumer<String> warnings) {
        String raw = env.get(ENV).map(String::trim).orElse("");
        if (raw.isEmpty()) {
            return DEFAULT_MS;
        }
        if (DIGITS.matcher(raw).matches()) {
            return Long.parseLong(raw);
        }
        warnings.accept(ENV + "=" + raw + " is not a whole number of milliseconds >= 0; using " + DEFAULT_MS);
        return DEFAULT_MS;
    }
}
