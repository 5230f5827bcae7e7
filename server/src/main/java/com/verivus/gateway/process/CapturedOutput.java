package com.verivus.gateway.process;

/**
 * The stdout and stderr a run has produced so far, decoded as UTF-8. Thread-safe: the two reader
 * threads append, anyone may read a {@link Snapshot}. Raw bytes are counted against the output cap;
 * the UTF-8 lengths of the kept text are reported as stdoutBytes/stderrBytes (what Node's
 * Buffer.byteLength of the same strings gives).
 */
public final class CapturedOutput {

    /** Which stream a chunk came from. */
    public enum Stream { STDOUT, STDERR }

    /** An immutable copy of the output at one moment, and how many changes it includes. */
    public record Snapshot(String stdout, String stderr, long stdoutBytes, long stderrBytes, boolean truncated,
                           long version) {
    }

    private final long maxRawBytes;
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();
    private long rawBytes;
    private long stdoutUtf8;
    private long stderrUtf8;
    private boolean truncated;
    private long version;

    public CapturedOutput(long maxRawBytes) {
        this.maxRawBytes = maxRawBytes;
    }

    /**
     * Reserves room for a chunk of {@code rawLength} bytes. False (and the output is marked truncated
     * from then on) when the chunk would take the total over the cap; the chunk is then dropped.
     */
    public synchronized boolean admit(int rawLength) {
        if (truncated) {
            return false;
        }
        if (rawBytes + rawLength > maxRawBytes) {
            truncated = true;
            version++;
            return false;
        }
        rawBytes += rawLength;
        return true;
    }

    /** Appends decoded text of an admitted chunk. */
    public synchronized void append(Stream stream, CharSequence text) {
        if (text.isEmpty()) {
            return;
        }
        long utf8 = utf8Length(text);
        if (stream == Stream.STDOUT) {
            stdout.append(text);
            stdoutUtf8 += utf8;
        } else {
            stderr.append(text);
            stderrUtf8 += utf8;
        }
        version++;
    }

    /** Appends a line of the gateway's own to stderr (the launch-failure message), newline-joined. */
    public synchronized void appendStderrLine(String line) {
        if (!stderr.isEmpty()) {
            append(Stream.STDERR, "\n");
        }
        append(Stream.STDERR, line);
    }

    public synchronized boolean truncated() {
        return truncated;
    }

    public synchronized long version() {
        return version;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(stdout.toString(), stderr.toString(), stdoutUtf8, stderrUtf8, truncated, version);
    }

    /** The last characters of each stream and whether anything before them was left out. */
    public record Tail(String stdout, String stderr, boolean stdoutCut, boolean stderrCut) {
    }

    /**
     * The last {@code maxChars} characters of each stream, copying only those: watchers of a job with
     * tens of megabytes of output ask for this every couple of seconds.
     */
    public synchronized Tail tail(int maxChars) {
        String out = tailOf(stdout, maxChars);
        String err = tailOf(stderr, maxChars);
        return new Tail(out, err, out.length() < stdout.length(), err.length() < stderr.length());
    }

    /**
     * The last {@code maxChars} characters (UTF-16 units, as JavaScript slices), never starting with the
     * second half of a surrogate pair: JSON could not carry it.
     */
    public static String tailOf(CharSequence value, int maxChars) {
        if (value.length() <= maxChars) {
            return value.toString();
        }
        int from = value.length() - maxChars;
        if (Character.isLowSurrogate(value.charAt(from))) {
            from++;
        }
        return value.subSequence(from, value.length()).toString();
    }

    /** Byte counts only, without copying the text. */
    public synchronized Snapshot sizes() {
        return new Snapshot(null, null, stdoutUtf8, stderrUtf8, truncated, version);
    }

    /** UTF-8 length; a surrogate pair counts 4, a lone surrogate 3 (it is written as U+FFFD). */
    static long utf8Length(CharSequence s) {
        long n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
