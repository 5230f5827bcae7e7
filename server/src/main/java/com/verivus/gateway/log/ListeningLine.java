package com.verivus.gateway.log;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stderr line an HTTP gateway writes once it listens, {@code HTTP gateway listening on <url>}:
 * {@code gateway start/status} and the tests read the real URL (an ephemeral port, say) from it, so
 * the writer and every reader share this one format.
 */
public final class ListeningLine {

    /** Group 1 is the MCP endpoint URL. */
    public static final Pattern PATTERN = Pattern.compile("listening on (http://\\S+)");

    private ListeningLine() {
    }

    public static String of(URI url) {
        return "HTTP gateway listening on " + url;
    }

    /** The URL of the last such line in {@code text}, if any. */
    public static Optional<String> lastUrlIn(CharSequence text) {
        Matcher m = PATTERN.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }
}
