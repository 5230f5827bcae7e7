package com.verivus.gateway.config;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code LLM_GATEWAY_STALL_TIMEOUT_MS}: a CLI that prints only the same line again and again for this long (codex
 * without a network: {@code Reconnecting... waiting for network}) is stopped with an error quoting that line.
 * Default 300000 (5 minutes); {@code 0} turns the check off.
 */
public final class StallTimeout {

    public static final String ENV = "LLM_GATEWAY_STALL_TIMEOUT_MS";
    public static final long DEFAULT_MS = 300_000;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,15}");

    private StallTimeout() {
    }

    /** The timeout in force, empty when off; an unusable value falls back to the default with a warning. */
    public static Optional<Duration> fromEnvironment(GatewayEnvironment env, Consumer<String> warnings) {
        String raw = env.get(ENV).map(String::trim).orElse("");
        long ms = DEFAULT_MS;
        if (DIGITS.matcher(raw).matches()) {
            ms = Long.parseLong(raw);
        } else if (!raw.isEmpty()) {
            warnings.accept(ENV + "=" + raw + " is not a whole number of milliseconds >= 0; using " + DEFAULT_MS);
        }
        return ms == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
    }
}
