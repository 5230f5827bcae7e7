package com.verivus.gateway.log;

import java.io.PrintStream;
import java.time.Instant;

/**
 * The gateway's logger: every line goes to stderr as {@code [LEVEL] <ISO> - <message>}, because
 * stdout belongs to the MCP protocol in stdio mode. {@code DEBUG} (any value) enables debug lines.
 * Library logging (SLF4J and java.util.logging) is routed here too ({@link LibraryLogging}).
 */
public final class GatewayLog {

    private static volatile boolean debug = System.getenv("DEBUG") != null;
    private static volatile PrintStream out = System.err;

    private GatewayLog() {
    }

    public static void debug(String message) {
        if (debug) {
            write("DEBUG", message);
        }
    }

    public static void info(String message) {
        write("INFO", message);
    }

    public static void warn(String message) {
        write("WARN", message);
    }

    public static void error(String message) {
        write("ERROR", message);
    }

    public static void error(String message, Throwable cause) {
        write("ERROR", message + ": " + cause);
        if (debug) {
            cause.printStackTrace(out);
        }
    }

    public static boolean debugEnabled() {
        return debug;
    }

    private static void write(String level, String message) {
        out.println("[" + level + "] " + Instant.now() + " - " + message);
    }
}
