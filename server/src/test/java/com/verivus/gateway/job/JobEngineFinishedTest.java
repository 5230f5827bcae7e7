package com.verivus.gateway.job;

import static com.verivus.gateway.job.JobFixtures.invocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.JobStatus;
import com.verivus.gateway.store.SqliteJobStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JobEngine#finished}, the one way to wait for a job: a job of this engine, a job already over,
 * and a job another engine runs on the same SQLite file (its own connection, as a second gateway has)
 * all end through it.
 */
class JobEngineFinishedTest extends JobEngineTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    SqliteJobStore otherStore;
    JobEngine other;

    @BeforeEach
    void openSecondGatewayOnTheSameFile() {
        otherStore = SqliteJobStore.open(dir.resolve("logs.db"), 86_400_000L);
        other = fx.engine(JobFixtures.testSettings(), Optional.of(otherStore));
    }

    @AfterEach
    void closeSecondStore() {
        other.close();
        otherStore.close();
    }

    private static JobSnapshot await(CompletableFuture<JobSnapshot> f) throws Exception {
        return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void aJobOfThisEngineEndsWhenItSettles() throws Exception {
        String id = engine.start(invocation(CliName.CLAUDE, "sleep", "0.3", "own"), "c", true).job().id();
        CompletableFuture<JobSnapshot> end = engine.finished(id);
        assertThat(end).isNotDone();

        JobSnapshot s = await(end);

        assertThat(s.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(s.exited()).isTrue();
        assertThat(engine.finalResult(s).stdout()).isEqualTo("own\n");
    }

    @Test
    void aJobAlreadyOverEndsAtOnceFromMemoryAndFromTheStore() throws Exception {
        String id = engine.start(invocation(CliName.CLAUDE, "exit", "3", "bad"), "c", true).job().id();
        await(engine.finished(id));

        CompletableFuture<JobSnapshot> again = engine.finished(id);
        CompletableFuture<JobSnapshot> elsewhere = other.finished(id);

        assertThat(again).isCompleted();
        assertThat(elsewhere).isCompleted();
        assertThat(elsewhere.join().status()).isEqualTo(JobStatus.FAILED);
        assertThat(elsewhere.join().exitCode()).isEqualTo(3);
        assertThat(other.finalResult(elsewhere.join()).stderr()).isEqualTo("bad\n");
    }

    @Test
    void aJobOfAnotherEngineOnTheSameFileEndsWhenThatEngineFinishesIt() throws Exception {
        String id = other.start(invocation(CliName.GEMINI, "partial", "remote", "0.8"), "c", true).job().id();
        CompletableFuture<JobSnapshot> end = engine.finished(id);
        assertThat(end).isNotDone();
        assertThat(engine.snapshot(id).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);

        JobSnapshot s = await(end);

        assertThat(s.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(engine.finalResult(s).stdout()).isEqualTo("remote\ntail\n");
        assertThat(engine.awaitTerminal(id, Duration.ZERO)).contains(s);
    }

    @Test
    void aWaiterGivingUpLeavesTheOthersWaiting() throws Exception {
        String id = other.start(invocation(CliName.GEMINI, "sleep", "0.8"), "c", true).job().id();
        CompletableFuture<JobSnapshot> leaving = engine.finished(id);
        CompletableFuture<JobSnapshot> staying = engine.finished(id);
        assertThat(engine.awaitTerminal(id, Duration.ofMillis(50))).isEmpty();

        leaving.cancel(false);

        assertThat(await(staying).status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(await(other.finished(id)).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void anUnknownJobFailsTheWait() {
        assertThat(engine.finished("no-such-job")).isCompletedExceptionally();
        assertThatThrownBy(() -> engine.finished("no-such-job").get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.awaitTerminal("no-such-job", WAIT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Job not found: no-such-job");
    }

    @Test
    void aShutdownFailsTheWaitsForJobsOfOtherGateways() throws Exception {
        String id = other.start(invocation(CliName.GEMINI, "hang"), "c", true).job().id();
        CompletableFuture<JobSnapshot> end = engine.finished(id);

        engine.close();

        assertThatThrownBy(() -> end.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
        other.cancel(id);
    }
}
