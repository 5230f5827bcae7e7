package com.verivus.gateway.recorder;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.verivus.gateway.provider.CliName;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every recorder promises its callers: no call ever throws, in any order, even after close. */
abstract class FlightRecorderContractTest {

    @TempDir
    Path dir;

    FlightRecorder recorder;

    abstract FlightRecorder newRecorder(Path dir) throws Exception;

    @BeforeEach
    void openRecorder() throws Exception {
        recorder = newRecorder(dir);
    }

    @AfterEach
    void closeRecorder() {
        recorder.close();
    }

    @Test
    void aFullLifecycleNeverThrows() {
        assertThatCode(() -> {
            recorder.logStart(new RequestStart("c1", CliName.CLAUDE, "sonnet", "hi", null, null));
            recorder.linkAsyncJob("c1", "job-1");
            recorder.logComplete(RequestOutcome.completed("c1").response("hello").durationMs(5)
                    .thinkingBlocks(List.of("hmm")).build());
        }).doesNotThrowAnyException();
    }

    @Test
    void malformedAndOutOfOrderCallsNeverThrow() {
        assertThatCode(() -> {
            recorder.logStart(null);
            recorder.logStart(new RequestStart(null, CliName.CODEX, null, null, null, null));
            recorder.logStart(new RequestStart("c2", null, "m", "p", null, null));
            recorder.logComplete(null);
            recorder.logComplete(RequestOutcome.failed(null).build());
            recorder.logComplete(RequestOutcome.failed("never-started").exitCode(1).build());
            recorder.logComplete(RequestOutcome.builder("c2", null).build());
            recorder.linkAsyncJob(null, null);
            recorder.linkAsyncJob("never-started", "job");
        }).doesNotThrowAnyException();
    }

    @Test
    void duplicateStartsAndOutcomesNeverThrow() {
        assertThatCode(() -> {
            RequestStart start = new RequestStart("dup", CliName.GEMINI, "pro", "p", null, null);
            recorder.logStart(start);
            recorder.logStart(start);
            recorder.logComplete(RequestOutcome.completed("dup").build());
            recorder.logComplete(RequestOutcome.failed("dup").build());
        }).doesNotThrowAnyException();
    }

    @Test
    void callsAfterCloseNeverThrow() {
        recorder.close();
        assertThatCode(() -> {
            recorder.close();
            recorder.logStart(new RequestStart("late", CliName.GROK, "m", "p", null, null));
            recorder.logComplete(RequestOutcome.completed("late").build());
            recorder.linkAsyncJob("late", "job");
        }).doesNotThrowAnyException();
    }
}
