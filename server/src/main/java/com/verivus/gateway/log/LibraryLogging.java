package com.verivus.gateway.log;

/**
 * Routes the libraries' logging to {@link GatewayLog} (stderr, our line format): SLF4J to
 * {@link GatewaySlf4jProvider}, java.util.logging (Helidon) to {@link JulRouting}.
 *
 * <p>Both are named in system properties rather than found or set up at start: each logging system then starts
 * when something first logs, already routed, and neither searches the class path. Finding SLF4J's providers, or
 * JUL's first initialisation (it looks for {@code System.LoggerFinder} providers), opens every jar of the class
 * path, ~20 ms of a fresh JVM's start that stdio mode does not need before its first answer.
 */
public final class LibraryLogging {

    private LibraryLogging() {
    }

    /** Call first thing in {@code main}, before any library class that logs is loaded. */
    public static void routeToGatewayLog() {
        System.setProperty("slf4j.provider", GatewaySlf4jProvider.class.getName());
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // SLF4J would otherwise announce, at its INFO, that it used the provider named above
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        System.setProperty("java.util.logging.config.class", JulRouting.class.getName());
    }
}
