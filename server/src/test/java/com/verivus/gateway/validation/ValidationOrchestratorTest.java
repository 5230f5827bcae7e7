package com.verivus.gateway.validation;

import com.verivus.gateway.doctor.ProviderStatuses;
import com.verivus.gateway.doctor.LoginStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.SqliteJobStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The orchestrator beyond the tools: without a job store, without a wait limit, and when interrupted. */
class ValidationOrchestratorTest extends ValidationTestBase {

    private static ValidationRequest ask(CliName cli, String question) {
        return new ValidationRequest(ValidationIntent.ASK_MODEL, question, null, null, null, List.of(cli), null);
    }

    @Test
    void withoutAJobStoreEveryRunStartsItsOwnJobs() {
        fx = ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree").build();
        JobEngine engine = fx.engine(Optional.empty());
        ValidationOrchestrator o = fx.orchestrator(engine);
        ValidationRun first = o.run(ask(CliName.CLAUDE, "same"), new WaitBudget(Duration.ofSeconds(30)),
                ValidationProgress.NONE);
        ValidationRun second = o.run(ask(CliName.CLAUDE, "same"), new WaitBudget(Duration.ofSeconds(30)),
                ValidationProgress.NONE);
        assertThat(fx.runs()).hasSize(2);
        assertThat(first.results().getFirst().jobId()).isNotEqualTo(second.results().getFirst().jobId());
        assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void concurrentIdenticalRunsShareOneRunningJobAndBothSeeItComplete() throws Exception {
        fx = ValidationFixtures.in(dir).install(CliName.CODEX, "slow").variable("FAKE_CLI_SLEEP_MS", "1000").build();
        ValidationOrchestrator o = fx.orchestrator(fx.engine());
        List<AtomicReference<ValidationRun>> runs = List.of(new AtomicReference<>(), new AtomicReference<>());
        List<Thread> threads = runs.stream().map(ref -> Thread.ofVirtual().start(() -> ref.set(o.run(
                ask(CliName.CODEX, "shared"), new WaitBudget(Duration.ofSeconds(30)), ValidationProgress.NONE))))
                .toList();
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(30));
        }
        assertThat(fx.runs()).hasSize(1);
        NormalizedResult a = runs.get(0).get().results().getFirst();
        NormalizedResult b = runs.get(1).get().results().getFirst();
        assertThat(a.jobId()).isEqualTo(b.jobId());
        assertThat(List.of(a.status(), b.status())).containsOnly(ResultStatus.COMPLETED);
        assertThat(List.of(a.verdict(), b.verdict())).containsOnly("correct");
    }

    @Test
    void aJobOfAnotherGatewayFoundThroughDedupCountsWithItsStoredResult() {
        fx = ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree").build();
        Path db = dir.resolve("logs.db");
        try (SqliteJobStore storeA = SqliteJobStore.open(db, 86_400_000L);
             SqliteJobStore storeB = SqliteJobStore.open(db, 86_400_000L)) {
            ValidationOrchestrator gatewayA = fx.orchestrator(fx.engine(Optional.of(storeA)));
            ValidationOrchestrator gatewayB = fx.orchestrator(fx.engine(Optional.of(storeB)));
            ValidationRun first = gatewayA.run(ask(CliName.CLAUDE, "across gateways"),
                    new WaitBudget(Duration.ofSeconds(30)), ValidationProgress.NONE);
            ValidationRun second = gatewayB.run(ask(CliName.CLAUDE, "across gateways"),
                    new WaitBudget(Duration.ofSeconds(30)), ValidationProgress.NONE);
            assertThat(fx.runs()).hasSize(1);
            NormalizedResult reused = second.results().getFirst();
            assertThat(reused.jobId()).isEqualTo(first.results().getFirst().jobId());
            assertThat(reused.status()).isEqualTo(ResultStatus.COMPLETED);
            assertThat(reused.verdict()).isEqualTo("correct");
            assertThat(second.success()).isTrue();
            assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
            fx.close();
        }
    }

    @Test
    void syncDeadlineZeroWaitsUntilEveryProviderFinished() {
        fx = ValidationFixtures.in(dir).install(CliName.CODEX, "slow").variable("FAKE_CLI_SLEEP_MS", "1500").build();
        ValidationOrchestrator o = fx.orchestrator(fx.engine());
        ValidationRun run = o.run(ask(CliName.CODEX, "slow one"), WaitBudget.fromSyncDeadlineMs(0),
                ValidationProgress.NONE);
        assertThat(run.results().getFirst().status()).isEqualTo(ResultStatus.COMPLETED);
        assertThat(run.next()).startsWith("All provider jobs have finished");
    }

    @Test
    void anInterruptEndsTheWaitWithTheJobsStillRunning() throws Exception {
        fx = ValidationFixtures.in(dir).install(CliName.CLAUDE, "hang").build();
        ValidationOrchestrator o = fx.orchestrator(fx.engine());
        AtomicReference<ValidationRun> out = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            out.set(o.run(ask(CliName.CLAUDE, "hang"), WaitBudget.unbounded(), (done, total, message) -> {
            }));
            flag.set(Thread.currentThread().isInterrupted());
        });
        Thread.sleep(800);
        caller.interrupt();
        caller.join(Duration.ofSeconds(10));
        assertThat(caller.isAlive()).isFalse();
        assertThat(flag.get()).as("the interrupt is kept for the caller").isTrue();
        assertThat(out.get().results().getFirst().status()).isEqualTo(ResultStatus.RUNNING);
        assertThat(out.get().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void aLoginThatIsNotAuthenticatedIsAWarningOnTheResult() {
        fx = ValidationFixtures.in(dir).install(CliName.CLAUDE, "agree").build();
        ProviderAvailability loggedOut = cli -> ProviderStatuses.installed(cli, "claude 2", LoginStatus.NOT_AUTHENTICATED);
        ValidationOrchestrator o = new ValidationOrchestrator(fx.engine(), loggedOut, UpstreamContractStandIn::check);
        ValidationRun run = o.run(ask(CliName.CLAUDE, "q"), new WaitBudget(Duration.ofSeconds(30)),
                ValidationProgress.NONE);
        assertThat(run.results().getFirst().warning())
                .isEqualTo("Claude Code login status is not_authenticated; the job may fail until login is complete.");
        assertThat(run.results().getFirst().model()).isEqualTo("claude 2");
        assertThat(run.report().humanReadable()).contains("  Warning: Claude Code login status is not_authenticated");
    }
}
