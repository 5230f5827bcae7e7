package com.verivus.gateway.log;

import com.verivus.gateway.json.IsoTimestamps;
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

    /** One write of the whole line, encoded as the stream would encode it (no PrintStream text path, no formatter). */
    private static void write(String level, String message) {
        StringBuilder line = new StringBuilder(level.length() + message.length() + 48);
        line.append('[').append(level).append("] ");
        appendTimestamp(line, Instant.now());
        line.append(" - ").append(message).append(System.lineSeparator());
        PrintStream stream = out;
        byte[] bytes = line.toString().getBytes(stream.charset());
        stream.write(bytes, 0, bytes.length);
    }

    /** Exactly {@link Instant#toString()} (ISO-8601 UTC, 0, 3, 6 or 9 fraction digits), without its formatter. */
    static void appendTimestamp(StringBuilder to, Instant at) {
        if (!IsoTimestamps.appendSeconds(to, at)) {
            to.append(at); // the formatter's sign and padding rules for unusual years
            return;
        }
        int nano = at.getNano();
        if (nano != 0) {
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
            String text = Integer.toString(value);
            to.append('.').repeat('0', digits - text.length()).append(text);
        }
        to.append('Z');
    }
}
