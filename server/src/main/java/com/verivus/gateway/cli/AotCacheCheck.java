package com.verivus.gateway.cli;

import com.verivus.gateway.log.GatewayLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Says once, on stderr, when the launcher asked for a JDK AOT cache that this JVM could not use.
 *
 * <p>The JVM's own AOT messages are switched off by the entry script's {@code -Xlog} options: unconfigured,
 * a missing or corrupt cache makes it print three to five lines on stdout, which in stdio mode belongs to
 * MCP. The launcher names the cache it passed in {@value #PROPERTY}; the JVM reports a mapped cache as
 * "sharing" in {@code java.vm.info}, so no management bean has to be loaded to find out.
 */
final class AotCacheCheck {

    static final String PROPERTY = "llm.gateway.aot.cache";

    private AotCacheCheck() {
    }

    /** The warning for this JVM, if the cache it was given is not in use. */
    static Optional<String> problem(String requestedCache, String vmInfo) {
        if (requestedCache == null || requestedCache.isBlank() || (vmInfo != null && vmInfo.contains("sharing"))) {
            return Optional.empty();
        }
        return Optional.of("AOT cache " + requestedCache + " could not be used (missing, corrupt or built for "
                + "other classes); starting without it, only slower. Removed it so that the next ./jbang launch "
                + "builds a new one.");
    }

    /** Warns once and removes the unusable file, so that the launcher trains a fresh one next time. */
    static void warnIfUnused() {
        String requested = System.getProperty(PROPERTY);
        problem(requested, System.getProperty("java.vm.info")).ifPresent(message -> {
            GatewayLog.warn(message);
            try {
                Files.deleteIfExists(Path.of(requested));
            } catch (IOException | RuntimeException e) {
                // the warning above already says what happened; a cache we cannot delete is just not used
            }
        });
    }
}
