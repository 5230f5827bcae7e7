package com.verivus.gateway.process;

import com.verivus.gateway.process.CapturedOutput.Stream;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells output that is progress from output that is not. A CLI stuck in a retry loop (codex without a network
 * prints {@code ERROR: Reconnecting... waiting for network} every ~90 s) never trips the idle timeout, yet
 * does nothing. A complete line counts as progress unless it repeats the previous line of its stream once a
 * leading timestamp is ignored; blank lines never count. Numbered retries ({@code 2/5}, {@code 3/5}) differ, so
 * they count: a counter that moves is not a stall. Thread-safe: each stream has one reader thread.
 */
final class RepeatWatch {

    private static final Pattern LEADING_TIMESTAMP = Pattern.compile(
            "^\\[?\\d{4}-\\d{2}-\\d{2}[T ][0-9:.,]+(?:Z|[+-]\\d{2}:?\\d{2})?\\]?\\s*");
    private static final int MAX_QUOTED = 300;

    private final Map<Stream, StringBuilder> partial = new EnumMap<>(Stream.class);
    private final Map<Stream, String> previous = new EnumMap<>(Stream.class);
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile String repeated;
    private volatile long lastRepeatNanos;

    RepeatWatch() {
        for (Stream s : Stream.values()) {
            partial.put(s, new StringBuilder());
        }
    }

    /** Restarts the clock (the run starts now). */
    void reset() {
        lastProgressNanos = System.nanoTime();
    }

    /** Feeds decoded output of one stream. */
    void feed(Stream stream, CharSequence text) {
        StringBuilder line;
        synchronized (partial) {
            line = partial.get(stream);
        }
        synchronized (line) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    completed(stream, line.toString());
                    line.setLength(0);
                } else if (line.length() < 4096) {
                    line.append(c);
                }
            }
        }
    }

    private void completed(Stream stream, String raw) {
        String line = LEADING_TIMESTAMP.matcher(raw.strip()).replaceFirst("").strip();
        if (line.isEmpty()) {
            return;
        }
        String before;
        synchronized (previous) {
            before = previous.put(stream, line);
        }
        if (line.equals(before)) {
            lastRepeatNanos = System.nanoTime();
            repeated = raw.strip().length() > MAX_QUOTED ? raw.strip().substring(0, MAX_QUOTED) + "..." : raw.strip();
        } else {
            lastProgressNanos = System.nanoTime();
        }
    }

    long lastProgressNanos() {
        return lastProgressNanos;
    }

    long lastRepeatNanos() {
        return lastRepeatNanos;
    }

    /** The last line seen repeating, or null when nothing repeated. */
    String repeatedLine() {
        return repeated;
    }
}
