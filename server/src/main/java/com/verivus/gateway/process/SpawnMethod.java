package com.verivus.gateway.process;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.process.posix.PosixSpawn;
import java.util.Locale;
import java.util.Optional;

/**
 * How CLI processes are started. {@code POSIX}: glibc's posix_spawn, every child's pipes and exit watched
 * by one thread (no thread per running child). {@code JDK}: the JDK's ProcessBuilder, which costs a reaper
 * thread per child and a thread per blocking pipe read. POSIX where it works (Linux, glibc 2.34+, Linux 5.3+
 * for pidfd, native access enabled); {@code LLM_GATEWAY_SPAWN=jdk} chooses the JDK's way anyway.
 */
public enum SpawnMethod {
    POSIX,
    JDK;

    static final String VARIABLE = "LLM_GATEWAY_SPAWN";

    static SpawnMethod configured(GatewayEnvironment env) {
        String wanted = env.get(VARIABLE).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("");
        if (wanted.equals("jdk")) {
            return JDK;
        }
        if (!wanted.isEmpty() && !wanted.equals("posix")) {
            GatewayLog.warn(VARIABLE + "=" + wanted + " is not posix or jdk; using the default");
        }
        Optional<String> unavailable = PosixSpawn.unavailable();
        if (unavailable.isPresent()) {
            if (wanted.equals("posix")) {
                GatewayLog.warn(VARIABLE + "=posix, but posix_spawn cannot be used here (" + unavailable.get()
                        + "); starting CLIs with the JDK's ProcessBuilder");
            }
            return JDK;
        }
        return POSIX;
    }
}
