package com.verivus.gateway.mcp.stdio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits stdin into MCP stdio messages: lines ended by {@code \n} (a {@code \r} before it is dropped),
 * as raw bytes so that the parser, not a lenient decoder, judges their UTF-8. A line longer than the
 * limit is skipped up to its end and reported by its length, so one oversized message costs neither
 * memory nor the messages after it. A bare {@code \r} is not a line end: JSON may contain it as
 * whitespace.
 */
final class StdinLines {

    /** One line: its bytes, or only its length when it exceeded the limit. */
    record Line(byte[] bytes, long length) {

        boolean tooLong() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    StdinLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at end of input (a last line without {@code \n} still counts). */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long length = 0;
        boolean sawAny = false;
        while (true) {
            if (start == end) {
                int n = in.read(buffer);
                if (n < 0) {
                    return sawAny ? finish(line, length) : null;
                }
                start = 0;
                end = n;
                continue;
            }
            sawAny = true;
            int newline = indexOf((byte) '\n', start, end);
            int stop = newline < 0 ? end : newline;
            int count = stop - start;
            if (length + count <= maxBytes) {
                line.write(buffer, start, count);
            } else if (line.size() > 0) {
                line = new ByteArrayOutputStream(); // over the limit: stop keeping it
            }
            length += count;
            start = newline < 0 ? end : newline + 1;
            if (newline >= 0) {
                return finish(line, length);
            }
        }
    }

    private Line finish(ByteArrayOutputStream line, long length) {
        if (length > maxBytes) {
            return new Line(null, length);
        }
        byte[] bytes = line.toByteArray();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') {
            bytes = Arrays.copyOf(bytes, n - 1);
        }
        return new Line(bytes, bytes.length);
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
