package com.verivus.gateway.job;

import static com.verivus.gateway.job.JobFixtures.invocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SYNC_DEADLINE_MS=0 path: run to completion with the Node gateway's retry and circuit breaker. */
class DirectRunnerTest {

    @TempDir
    Path dir;

    JobFixtures fx;
    DirectRunner runner;

    @BeforeEach
    void setUp() {
        fx = JobFixtures.in(dir);
        runner = new DirectRunner(fx.launcher(),
                new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(50), 3, Duration.ofMillis(700)),
                JobFixtures.testSettings());
    }

    @Test
    void aSuccessfulRunReturnsItsOutput() throws Exception {
        DirectResult r = runner.run(invocation(CliName.CLAUDE, "echo", "direct"), null, null);
        assertThat(r.code()).isZero();
        assertThat(r.stdout()).isEqualTo("direct\n");
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void aNonZeroExitIsReturnedNotRetried() throws Exception {
        DirectResult r = runner.run(invocation(CliName.CODEX, "exit", "3", "nope"), null, null);
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.stderr()).isEqualTo("nope\n");
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(runner.circuitState("codex")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anIdleTimeoutReturns125WithTheReasonInStderrAndIsNotRetried() throws Exception {
        DirectResult r = runner.run(invocation(CliName.GEMINI, "hang"), Duration.ofMillis(300), null);
        assertThat(r.code()).isEqualTo(125);
        assertThat(r.stderr()).isEqualTo("\nProcess killed after 300ms of inactivity");
        assertThat(r.attempts()).isEqualTo(1);
    }

    @Test
    void wallTimeoutsAreRetriedThenOpenTheCircuitWhichLaterHalfOpensAndCloses() throws Exception {
        DirectResult r = runner.run(invocation(CliName.GROK, "hang"), null, Duration.ofMillis(200));
        assertThat(r.code()).isEqualTo(124);
        assertThat(r.stderr()).isEqualTo("\nProcess timed out after 200ms");
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(runner.circuitState("grok")).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> runner.run(invocation(CliName.GROK, "echo", "x"), null, null))
                .isInstanceOf(DirectExecutionException.class)
                .hasMessage("[CircuitBreaker] Circuit is open. Failing fast. Will not try for another 1s.");

        Thread.sleep(800);
        DirectResult recovered = runner.run(invocation(CliName.GROK, "echo", "back"), null, null);
        assertThat(recovered.stdout()).isEqualTo("back\n");
        assertThat(runner.circuitState("grok")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aMissingBinaryIsANonTransientErrorNamingEnoent() throws Exception {
        Files.delete(fx.bin.resolve("vibe"));
        assertThatThrownBy(() -> runner.run(invocation(CliName.MISTRAL, "x"), null, null))
                .isInstanceOf(DirectExecutionException.class)
                .hasMessage("[CircuitBreaker] Operation failed with non-transient error: spawn vibe ENOENT");
        assertThat(runner.circuitState("vibe")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void tooMuchOutputIsAnError() {
        DirectRunner small = new DirectRunner(fx.launcher(), RetryPolicy.defaults(),
                JobFixtures.testSettings().withMaxOutputBytes(1024 * 1024));
        assertThatThrownBy(() -> small.run(invocation(CliName.CLAUDE, "flood", "3"), null, null))
                .isInstanceOf(DirectExecutionException.class)
                .hasMessage("Output exceeded maximum size (50MB)");
    }

    @Test
    void invocationEnvironmentDoesNotReplaceTheExtendedPathAndTempFilesAreDeleted() throws Exception {
        Path temp = Files.writeString(dir.resolve("t.json"), "{}");
        CliInvocation inv = new CliInvocation(CliName.MISTRAL, List.of("env", "PATH", "VIBE_ACTIVE_MODEL"),
                Map.of("VIBE_ACTIVE_MODEL", "m"), null, null, List.of(temp), false);
        DirectResult r = runner.run(inv, null, null);
        assertThat(r.stdout()).startsWith("PATH=" + fx.home + "/.local/bin:").contains("VIBE_ACTIVE_MODEL=m");
        assertThat(temp).doesNotExist();
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        RetryPolicy p = RetryPolicy.defaults();
        assertThat(p.delayBefore(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delayBefore(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayBefore(5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(p.delayBefore(10)).isEqualTo(Duration.ofSeconds(30));
    }
}
