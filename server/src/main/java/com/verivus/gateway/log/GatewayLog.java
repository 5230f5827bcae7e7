package com.verivus.gateway.log;

import java.io.PrintStream;
import java.time.Instant;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The gateway's logger: every line goes to stderr as {@code [LEVEL] <ISO> - <message>}, because
 * stdout belongs to the MCP protocol in stdio mode. {@code DEBUG} (any value) enables debug lines.
 * Library logging (JUL, and SLF4J through slf4j-jdk14) is routed here too.
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

    /** Sends java.util.logging (Helidon, the MCP SDK via slf4j-jdk14) to stderr in our format. */
    public static void routeJavaUtilLogging() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(debug ? Level.FINE : Level.WARNING);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (!isLoggable(record)) {
                    return;
                }
                String text = record.getLoggerName() + ": " + formatMessage(record);
                if (record.getThrown() != null) {
                    text += " (" + record.getThrown() + ")";
                }
                int value = record.getLevel().intValue();
                if (value >= Level.SEVERE.intValue()) {
                    error(text);
                } else if (value >= Level.WARNING.intValue()) {
                    warn(text);
                } else if (value >= Level.INFO.intValue()) {
                    info(text);
                } else {
                    debug(text);
                }
            }

            private String formatMessage(LogRecord record) {
                String msg = record.getMessage();
                Object[] params = record.getParameters();
                if (msg == null) {
                    return "";
                }
                if (params == null || params.length == 0) {
                    return msg;
                }
                try {
                    return java.text.MessageFormat.format(msg, params);
                } catch (IllegalArgumentException e) {
                    return msg;
                }
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
            }
        });
        // Helidon announces its features and start-up at INFO; keep those out unless debugging.
        Logger.getLogger("io.helidon").setLevel(debug ? Level.FINE : Level.WARNING);
    }
}
