package com.verivus.gateway.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StdinLinesTest {

    private static List<String> lines(byte[] input, int max) throws IOException {
        StdinLines lines = new StdinLines(new ByteArrayInputStream(input), max);
        List<String> out = new ArrayList<>();
        for (StdinLines.Line l; (l = lines.next()) != null; ) {
            out.add(l.tooLong() ? "TOO LONG " + l.length() : new String(l.bytes(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void splitsOnNewlineOnlyAndDropsTheCarriageReturnBeforeIt() throws IOException {
        assertThat(lines("a\nb\r\n{\"x\":\r1}\nlast".getBytes(StandardCharsets.UTF_8), 100))
                .containsExactly("a", "b", "{\"x\":\r1}", "last");
    }

    @Test
    void anOverlongLineIsSkippedToItsEndAndReportedByLengthThenReadingGoesOn() throws IOException {
        String longLine = "x".repeat(200_000);
        assertThat(lines(("ok\n" + longLine + "\nnext\n").getBytes(StandardCharsets.UTF_8), 1000))
                .containsExactly("ok", "TOO LONG 200000", "next");
    }

    @Test
    void keepsInvalidUtf8AsBytesForTheParserToJudge() throws IOException {
        StdinLines lines = new StdinLines(new ByteArrayInputStream(new byte[] {(byte) 0xff, 'a', '\n'}), 10);
        assertThat(lines.next().bytes()).containsExactly((byte) 0xff, (byte) 'a');
        assertThat(lines.next()).isNull();
    }
}
