package com.verivus.gateway.config;

import java.util.Objects;
import java.util.Set;

/**
 * How much of the gateway's environment the CLIs it spawns inherit.
 *
 * @param mode   {@link Mode#INHERIT} (everything but the gateway's own secrets) or {@link Mode#ALLOWLIST}
 * @param allow  variable names always passed on: in allow-list mode on top of the baseline a CLI needs, in
 *               inherit mode to re-admit a stripped variable a user's tools need (never the auth token)
 * @param source where the mode came from: {@code LLM_GATEWAY_CHILD_ENV}, the config file's path, or "default"
 */
public record ChildEnvironmentConfig(Mode mode, Set<String> allow, String source) {

    public enum Mode { INHERIT, ALLOWLIST }

    public ChildEnvironmentConfig {
        Objects.requireNonNull(mode, "mode");
        allow = Set.copyOf(allow);
    }

    public static ChildEnvironmentConfig defaults() {
        return new ChildEnvironmentConfig(Mode.INHERIT, Set.of(), "default");
    }
}
