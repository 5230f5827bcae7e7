package com.verivus.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.process.CapturedOutput.Stream;
import org.junit.jupiter.api.Test;

/** What counts as progress for the stall timeout, fed with codex 0.171.0's real offline output. */
class RepeatWatchTest {

    @Test
    void theSameLineAgainIsNotProgressAndIsRemembered() {
        RepeatWatch w = new RepeatWatch();
        w.feed(Stream.STDERR, "ERROR: Reconnecting... waiting for network\n");
        assertThat(w.repeatedLine()).isNull();
        long before = w.lastProgressNanos();
        w.feed(Stream.STDERR, "ERROR: Reconnecting... waiting for network\nERROR: Reconnecting... waiting for network\n");
        assertThat(w.lastProgressNanos()).isEqualTo(before);
        assertThat(w.repeatedLine()).isEqualTo("ERROR: Reconnecting... waiting for network");
    }

    @Test
    void aLeadingTimestampDoesNotMakeALineNew() {
        RepeatWatch w = new RepeatWatch();
        w.feed(Stream.STDERR, "2026-12-03T07:28:55.540752Z ERROR codex_api: failed to connect\n");
        long before = w.lastProgressNanos();
        w.feed(Stream.STDERR, "2026-12-03T07:28:55.599570Z ERROR codex_api: failed to connect\n");
        assertThat(w.lastProgressNanos()).isEqualTo(before);
        assertThat(w.repeatedLine()).endsWith("ERROR codex_api: failed to connect");
    }

    @Test
    void numberedRetriesLinesSplitAcrossChunksAndBlankLinesAreHandled() {
        RepeatWatch w = new RepeatWatch();
        w.feed(Stream.STDOUT, "ERROR: Reconnecting... 2/5\nERROR: Reconn");
        w.feed(Stream.STDOUT, "ecting... 3/5\n\n\n");
        // 2/5 then 3/5: a counter that moves is not a repeat; blank lines are ignored
        assertThat(w.repeatedLine()).isNull();
        // the streams are watched apart: the same line on the other stream is not a repeat
        w.feed(Stream.STDERR, "ERROR: Reconnecting... 3/5\n");
        assertThat(w.repeatedLine()).isNull();
    }
}
