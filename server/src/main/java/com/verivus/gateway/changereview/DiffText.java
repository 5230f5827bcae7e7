package com.verivus.gateway.changereview;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the output of {@code git diff --text} into artifact text. Git was told to treat every file
 * as text (so {@code .gitattributes} {@code binary} or {@code -diff} cannot hide a change); a file
 * whose section really is binary — it holds a NUL byte or is not valid UTF-8 — keeps its header lines
 * and is listed instead of inlined.
 */
final class DiffText {

    private static final byte[] SECTION = "diff --git ".getBytes(StandardCharsets.US_ASCII);

    /** The text, and the files that were listed instead of inlined. */
    record Result(String text, List<String> binaryFiles) {
    }

    private DiffText() {
    }

    static Result of(byte[] diff) {
        StringBuilder text = new StringBuilder();
        List<String> binary = new ArrayList<>();
        for (byte[] section : sections(diff)) {
            if (isText(section)) {
                text.append(new String(section, StandardCharsets.UTF_8));
                continue;
            }
            String decoded = new String(section, StandardCharsets.ISO_8859_1);
            String path = null;
            for (String line : decoded.split("\n", -1)) {
                if (line.startsWith("--- ") || line.startsWith("@@ ")) {
                    break;
                }
                text.append(line).append('\n');
                if (line.startsWith("diff --git ")) {
                    int b = line.lastIndexOf(" b/");
                    path = b < 0 ? line.substring("diff --git ".length()) : line.substring(b + 3);
                }
            }
            text.append("Binary content not inlined (").append(section.length).append(" bytes of diff omitted)\n");
            binary.add(path);
        }
        return new Result(text.toString(), binary);
    }

    /** Valid UTF-8 without NUL: what a reviewer can be shown as is. */
    static boolean isText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Splits at each line that starts with "diff --git " (hunk lines always start with ' ', '+', '-' or '\'). */
    private static List<byte[]> sections(byte[] diff) {
        List<byte[]> out = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        int lineStart = 0;
        for (int i = 0; i <= diff.length; i++) {
            if (i == diff.length || diff[i] == '\n') {
                int end = Math.min(i + 1, diff.length);
                if (startsWith(diff, lineStart, SECTION) && current.size() > 0) {
                    out.add(current.toByteArray());
                    current.reset();
                }
                current.write(diff, lineStart, end - lineStart);
                lineStart = end;
            }
        }
        if (current.size() > 0) {
            out.add(current.toByteArray());
        }
        return out;
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        if (offset + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
