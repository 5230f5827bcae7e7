package com.verivus.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessSamplerTest {

    @Test
    void statFieldsAreSplitAfterTheLastParenthesisSoOddCommandNamesParse() {
        List<String> fields = ProcessSampler.parseStat("1234 (my (odd) cmd) S 1 1234 1234 0 -1 4194560 100 0 0 0 "
                + "17 4 0 0 20 0 1 0 100 1000 200");
        assertThat(fields.get(0)).isEqualTo("S");
        assertThat(fields.get(11)).isEqualTo("17");
        assertThat(fields.get(12)).isEqualTo("4");
        assertThat(ProcessSampler.parseStat("garbage")).isNull();
        assertThat(ProcessSampler.parseStat("1 (x)")).isNull();
    }

    @Test
    void aLiveChildHasStateMemoryAndACpuShareFromTheSecondSampleOn() throws Exception {
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            ProcessSampler sampler = new ProcessSampler(Clock.systemUTC());
            ProcessHealth first = sampler.sample(p.pid());
            assertThat(first.alive()).isTrue();
            assertThat(first.state()).isIn("S", "R", "D");
            assertThat(first.memoryRssKb()).isPositive();
            assertThat(first.cpuPercent()).isNull();
            Thread.sleep(50);
            ProcessHealth second = sampler.sample(p.pid());
            assertThat(second.cpuPercent()).isNotNull().isGreaterThanOrEqualTo(0.0);
        } finally {
            p.destroyForcibly().waitFor();
        }
    }

    @Test
    void aGoneProcessIsNotAliveAndHasNoProcValues() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        ProcessHealth h = new ProcessSampler(Clock.systemUTC()).sample(p.pid());
        assertThat(h.alive()).isFalse();
        assertThat(h.memoryRssKb()).isNull();
    }
}
