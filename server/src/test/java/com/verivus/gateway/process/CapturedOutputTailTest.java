package com.verivus.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The tail of captured output: the last characters only, flagged when cut, never half a surrogate pair. */
class CapturedOutputTailTest {

    @Test
    void theTailKeepsTheLastCharactersOfEachStreamAndSaysWhetherItCut() {
        CapturedOutput out = new CapturedOutput(1 << 20);
        out.append(CapturedOutput.Stream.STDOUT, "line one\nline two\n");
        out.append(CapturedOutput.Stream.STDERR, "warn");
        CapturedOutput.Tail tail = out.tail(9);
        assertThat(tail.stdout()).isEqualTo("line two\n");
        assertThat(tail.stdoutCut()).isTrue();
        assertThat(tail.stderr()).isEqualTo("warn");
        assertThat(tail.stderrCut()).isFalse();
    }

    @Test
    void aTailThatWouldStartInsideASurrogatePairStartsAfterIt() {
        assertThat(CapturedOutput.tailOf("a😀b", 2)).isEqualTo("b");
        assertThat(CapturedOutput.tailOf("a😀b", 3)).isEqualTo("😀b");
    }
}
