package com.verivus.gateway.job;

import static com.verivus.gateway.job.JobFixtures.eventually;
import static com.verivus.gateway.job.JobFixtures.gone;
import static com.verivus.gateway.job.JobFixtures.invocation;
import static com.verivus.gateway.job.JobFixtures.withIdle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.JobRecord;
import com.verivus.gateway.store.JobStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Job lifecycle on a real SQLite store with real processes: every state and exit code. */
class JobEngineTest extends JobEngineTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    List<JobResult> finished = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        engine.settledRuns().subscribe(finished::add);
    }

    private JobSnapshot run(CliInvocation inv) throws InterruptedException {
        JobStart start = engine.start(inv, "corr-test", true);
        return engine.awaitTerminal(start.job().id(), WAIT).orElseThrow();
    }

    private JobRecord row(String id) {
        return store.find(id).orElseThrow();
    }

    @Test
    void aSuccessfulRunCompletesWithExitZeroAndItsOutputEverywhere() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        JobSnapshot s = run(invocation(CliName.CLAUDE, "echo", "hello wörld"));

        assertThat(s.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(s.exitCode()).isZero();
        assertThat(s.cli()).isEqualTo("claude");
        assertThat(s.correlationId()).isEqualTo("corr-test");
        assertThat(s.exited()).isTrue();
        assertThat(s.error()).isNull();
        assertThat(s.stdoutBytes()).isEqualTo("hello wörld\n".getBytes(StandardCharsets.UTF_8).length);
        assertThat(s.stderrBytes()).isZero();
        assertThat(s.startedAt()).isAfter(before);
        assertThat(s.finishedAt()).isAfterOrEqualTo(s.startedAt());
        assertThat(engine.result(s.id(), 200_000).orElseThrow().stdout()).isEqualTo("hello wörld\n");

        JobRecord r = row(s.id());
        assertThat(r.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(r.stdout()).isEqualTo("hello wörld\n");
        assertThat(r.exitCode()).isZero();
        assertThat(r.args()).containsExactly("echo", "hello wörld");
        assertThat(r.expiresAt()).isEqualTo(r.finishedAt().plusMillis(86_400_000L));
    }

    @Test
    void aNonZeroExitFailsWithThatCodeAndStderr() throws Exception {
        JobSnapshot s = run(invocation(CliName.CODEX, "exit", "42", "it broke"));
        assertThat(s.status()).isEqualTo(JobStatus.FAILED);
        assertThat(s.exitCode()).isEqualTo(42);
        assertThat(s.error()).isNull();
        assertThat(engine.result(s.id(), 1000).orElseThrow().stderr()).isEqualTo("it broke\n");
        assertThat(row(s.id()).status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aMissingBinaryFailsWith127AndSaysSoInErrorAndStderr() throws Exception {
        Files.delete(fx.bin.resolve("vibe"));
        JobStart start = engine.start(invocation(CliName.MISTRAL, "echo", "x"), "c", true);

        JobSnapshot s = start.job();
        String message = "The 'mistral' command was not found. Install the mistral CLI and make sure it is on PATH. "
                + "(spawn vibe ENOENT)";
        assertThat(s.status()).isEqualTo(JobStatus.FAILED);
        assertThat(s.exitCode()).isEqualTo(127);
        assertThat(s.error()).isEqualTo(message);
        assertThat(s.exited()).isTrue();
        assertThat(engine.result(s.id(), 200_000).orElseThrow().stderr()).isEqualTo(message);
        assertThat(row(s.id()).status()).isEqualTo(JobStatus.FAILED);
        assertThat(row(s.id()).stderr()).isEqualTo(message);
        assertThat(row(s.id()).pid()).isNull();
        assertThat(engine.awaitTerminal(s.id(), Duration.ZERO)).isPresent();
    }

    @Test
    void anotherLaunchFailureFailsWith126() throws Exception {
        assertThat(fx.bin.resolve("codex").toFile().setExecutable(false)).isTrue();
        JobSnapshot s = engine.start(invocation(CliName.CODEX, "echo"), "c", true).job();
        assertThat(s.status()).isEqualTo(JobStatus.FAILED);
        assertThat(s.exitCode()).isEqualTo(126);
        assertThat(s.error()).isEqualTo("Failed to launch codex CLI: spawn codex EACCES");
    }

    @Test
    void aQuietProcessIsKilledAfterTheIdleTimeoutWith125() throws Exception {
        JobStart start = engine.start(withIdle(invocation(CliName.GEMINI, "hang"), 300), "c", true);
        long pid = row(start.job().id()).pid();
        JobSnapshot s = engine.awaitTerminal(start.job().id(), WAIT).orElseThrow();

        assertThat(s.status()).isEqualTo(JobStatus.FAILED);
        assertThat(s.exitCode()).isEqualTo(125);
        assertThat(s.error()).isEqualTo("Process killed after 300ms of inactivity");
        assertThat(gone(pid)).isTrue();
        assertThat(row(s.id()).exitCode()).isEqualTo(125);
    }

    @Test
    void outputKeepsAnIdleJobAlive() throws Exception {
        JobSnapshot s = run(withIdle(invocation(CliName.GEMINI, "tick", "100", "10"), 400));
        assertThat(s.status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void idleTimeoutsBelowTheEngineMinimumAreRejected() {
        JobEngine strict = fx.engine(JobEngineSettings.defaults(0), Optional.empty());
        assertThatThrownBy(() -> strict.start(withIdle(invocation(CliName.GEMINI, "hang"), 300), "c", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idleTimeoutMs must be at least 30000");
    }

    @Test
    void outputOverFiftyMegabytesFailsWith126TruncatedAndKillsTheProcess() throws Exception {
        JobStart start = engine.start(invocation(CliName.GROK, "flood", "60"), "c", true);
        long pid = row(start.job().id()).pid();
        JobSnapshot s = engine.awaitTerminal(start.job().id(), WAIT).orElseThrow();

        assertThat(s.status()).isEqualTo(JobStatus.FAILED);
        assertThat(s.exitCode()).isEqualTo(126);
        assertThat(s.error()).isEqualTo("Output exceeded maximum size (50MB)");
        assertThat(s.outputTruncated()).isTrue();
        assertThat(s.stdoutBytes()).isLessThanOrEqualTo(50L * 1024 * 1024).isGreaterThan(40L * 1024 * 1024);
        assertThat(gone(pid)).isTrue();
        JobRecord r = row(s.id());
        assertThat(r.outputTruncated()).isTrue();
        assertThat(r.exitCode()).isEqualTo(126);
        assertThat(r.stdout().length()).isEqualTo((int) s.stdoutBytes());
    }

    @Test
    void cancelKillsTheProcessAndItsGrandchildAndIsFinal() throws Exception {
        Path pidFile = dir.resolve("gc.pid");
        JobStart start = engine.start(invocation(CliName.CLAUDE, "tree", pidFile.toString()), "c", true);
        String id = start.job().id();
        eventually(WAIT, () -> Files.exists(pidFile), "grandchild pid file");
        long child = row(id).pid();
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());

        CancelResult result = engine.cancel(id);

        assertThat(result).isEqualTo(new CancelResult.Canceled(id));
        assertThat(engine.snapshot(id).orElseThrow().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(row(id).status()).isEqualTo(JobStatus.CANCELED);
        JobSnapshot s = engine.awaitTerminal(id, WAIT).orElseThrow();
        assertThat(s.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(s.exited()).isTrue();
        assertThat(gone(child)).isTrue();
        eventually(Duration.ofSeconds(5), () -> gone(grandchild), "grandchild gone");
        assertThat(engine.cancel(id).reason()).isEqualTo("Job is already canceled");
        assertThat(engine.cancel("no-such-job").reason()).isEqualTo("Job not found");
    }

    @Test
    void outputWrittenWhileDyingAfterCancelIsKept() throws Exception {
        JobStart start = engine.start(invocation(CliName.CLAUDE, "tail-on-term"), "c", true);
        String id = start.job().id();
        eventually(WAIT, () -> engine.result(id, 1000).orElseThrow().stdout().contains("waiting"), "start output");

        engine.cancel(id);
        JobSnapshot s = engine.awaitTerminal(id, WAIT).orElseThrow();

        assertThat(s.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(s.exitCode()).isZero();
        assertThat(engine.result(id, 1000).orElseThrow().stdout())
                .isEqualTo("waiting for SIGTERM\ngoodbye after SIGTERM\n");
        assertThat(row(id).stdout()).isEqualTo("waiting for SIGTERM\ngoodbye after SIGTERM\n");
        assertThat(row(id).status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void outputWrittenWhileDyingAfterAnIdleTimeoutIsKept() throws Exception {
        // the idle timeout must not fire before python has installed its SIGTERM handler, even on a loaded machine
        JobStart start = engine.start(withIdle(invocation(CliName.CLAUDE, "tail-on-term"), 2000), "c", true);
        JobSnapshot s = engine.awaitTerminal(start.job().id(), WAIT).orElseThrow();
        assertThat(s.exitCode()).isEqualTo(125);
        assertThat(row(s.id()).stdout()).isEqualTo("waiting for SIGTERM\ngoodbye after SIGTERM\n");
        assertThat(row(s.id()).exitCode()).isEqualTo(125);
    }

    @Test
    void aProcessIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
        JobStart start = engine.start(invocation(CliName.CLAUDE, "ignore-term"), "c", true);
        String id = start.job().id();
        eventually(WAIT, () -> engine.result(id, 1000).orElseThrow().stdout().contains("ignoring"), "start");
        long t0 = System.nanoTime();
        engine.cancel(id);
        JobSnapshot s = engine.awaitTerminal(id, WAIT).orElseThrow();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(s.exitCode()).isEqualTo(137);
        assertThat(s.status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void awaitReturnsAsSoonAsTheJobFinishesNotOnAPollTick() throws Exception {
        JobStart start = engine.start(invocation(CliName.CLAUDE, "sleep", "0.3"), "c", true);
        long t0 = System.nanoTime();
        JobSnapshot s = engine.awaitTerminal(start.job().id(), WAIT).orElseThrow();
        Duration waited = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(s.status()).isEqualTo(JobStatus.COMPLETED);
        // the job sleeps 300 ms; a 1 s poll (the Node gateway's) would return at >= 1000 ms
        assertThat(waited).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void awaitGivesUpAtTheDeadlineAndTheJobFinishesLater() throws Exception {
        JobStart start = engine.start(invocation(CliName.CLAUDE, "sleep", "1"), "c", true);
        assertThat(engine.awaitTerminal(start.job().id(), Duration.ofMillis(100))).isEmpty();
        assertThat(engine.snapshot(start.job().id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(engine.awaitTerminal(start.job().id(), WAIT).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void outputReachesTheStoreWhileTheJobRuns() throws Exception {
        JobStart start = engine.start(invocation(CliName.CLAUDE, "partial", "first part", "30"), "c", true);
        String id = start.job().id();
        eventually(Duration.ofSeconds(5), () -> row(id).stdout().equals("first part\n"), "flushed partial output");
        assertThat(row(id).status()).isEqualTo(JobStatus.RUNNING);
        engine.cancel(id);
    }

    @Test
    void settledRunsCarryEveryJobExactlyOnceWithItsFullOutput() throws Exception {
        JobSnapshot ok = run(invocation(CliName.CLAUDE, "echo", "a"));
        JobSnapshot bad = run(invocation(CliName.CLAUDE, "exit", "3"));
        Files.delete(fx.bin.resolve("grok"));
        JobSnapshot missing = engine.start(invocation(CliName.GROK, "x"), "c", true).job();
        JobStart hung = engine.start(invocation(CliName.CLAUDE, "hang"), "c", true);
        engine.cancel(hung.job().id());
        engine.awaitTerminal(hung.job().id(), WAIT);

        eventually(WAIT, () -> finished.size() >= 4, "four notifications");
        Thread.sleep(200);
        assertThat(finished).extracting(r -> r.snapshot().id())
                .containsExactlyInAnyOrder(ok.id(), bad.id(), missing.id(), hung.job().id());
        assertThat(finished).filteredOn(r -> r.snapshot().id().equals(ok.id())).singleElement()
                .satisfies(r -> assertThat(r.stdout()).isEqualTo("a\n"));
        assertThat(finished).filteredOn(r -> r.snapshot().id().equals(hung.job().id())).singleElement()
                .satisfies(r -> assertThat(r.snapshot().status()).isEqualTo(JobStatus.CANCELED));
    }

    @Test
    void aThrowingObserverDoesNotStopTheOthers() throws Exception {
        engine.settledRuns().subscribe(r -> {
            throw new IllegalStateException("observer bug");
        });
        List<String> after = new CopyOnWriteArrayList<>();
        engine.settledRuns().subscribe(r -> after.add(r.snapshot().id()));
        JobSnapshot s = run(invocation(CliName.CLAUDE, "echo", "x"));
        eventually(WAIT, () -> after.contains(s.id()), "second observer");
    }

    @Test
    void tempFilesAreDeletedWhenTheJobEnds() throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.json"), "{}");
        CliInvocation inv = new CliInvocation(CliName.CODEX, List.of("partial", "x", "0.5"), Map.of(), null, null,
                List.of(schema), false);
        JobStart start = engine.start(inv, "c", true);
        assertThat(schema).exists();
        engine.awaitTerminal(start.job().id(), WAIT);
        assertThat(schema).doesNotExist();
    }

    @Test
    void shutdownKillsRunningJobsAndPersistsTheirFinalState() throws Exception {
        JobStart start = engine.start(invocation(CliName.CLAUDE, "partial", "before shutdown", "60"), "c", true);
        String id = start.job().id();
        eventually(WAIT, () -> engine.result(id, 1000).orElseThrow().stdout().contains("before"), "output");
        long pid = row(id).pid();

        engine.close();

        assertThat(gone(pid)).isTrue();
        JobRecord r = row(id);
        assertThat(r.status()).isEqualTo(JobStatus.ORPHANED);
        assertThat(r.error()).isEqualTo("Gateway shut down while job was running");
        assertThat(r.stdout()).isEqualTo("before shutdown\n");
        assertThatThrownBy(() -> engine.start(invocation(CliName.CLAUDE, "echo"), "c", true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void healthDescribesRunningJobsAndTheirProcesses() throws Exception {
        JobStart start = engine.start(invocation(CliName.GEMINI, "sleep", "30"), "c", true);
        String id = start.job().id();
        JobHealthSampler health = new JobHealthSampler(engine, java.time.Clock.systemUTC());
        eventually(WAIT, () -> health.health().jobs().stream().anyMatch(h -> h.processHealth() != null
                && h.processHealth().memoryRssKb() != null), "a sampled process");
        health.health();
        JobHealthReport report = health.health();

        assertThat(report.runningJobs()).isEqualTo(1);
        assertThat(report.deadJobs()).isZero();
        assertThat(report.zombieJobs()).isZero();
        JobHealth h = report.jobs().get(0);
        assertThat(h.jobId()).isEqualTo(id);
        assertThat(h.cli()).isEqualTo("gemini");
        assertThat(h.status()).isEqualTo("running");
        assertThat(h.processHealth().pid()).isEqualTo(row(id).pid());
        assertThat(h.processHealth().alive()).isTrue();
        assertThat(h.processHealth().state()).isIn("S", "R", "D");
        assertThat(h.processHealth().cpuPercent()).isNotNull();
        assertThat(h.runningForMs()).isNotNegative();
        assertThat(report.toMap()).containsOnlyKeys("runningJobs", "deadJobs", "zombieJobs", "jobs");

        engine.cancel(id);
        engine.awaitTerminal(id, WAIT);
        assertThat(health.health().runningJobs()).isZero();
    }

    @Test
    void finishedJobsLeaveMemoryButStayReadableFromTheStore() throws Exception {
        JobEngine forgetful = fx.engine(JobFixtures.testSettings().withSweep(Duration.ofMillis(100), Duration.ZERO),
                Optional.of(store));
        JobSnapshot s = forgetful.awaitTerminal(forgetful.start(invocation(CliName.CLAUDE, "echo", "kept"), "c", true)
                .job().id(), WAIT).orElseThrow();
        eventually(WAIT, () -> forgetful.recentSnapshots().stream().noneMatch(j -> j.id().equals(s.id())),
                "eviction from memory");
        JobResult r = forgetful.result(s.id(), 1000).orElseThrow();
        assertThat(r.stdout()).isEqualTo("kept\n");
        assertThat(r.snapshot().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(r.snapshot().exited()).isTrue();
    }

    @Test
    void withoutAStoreJobsStillRunAndAreReadFromMemory() throws Exception {
        JobEngine bare = fx.engine(JobFixtures.testSettings(), Optional.empty());
        assertThat(bare.hasStore()).isFalse();
        JobStart a = bare.start(invocation(CliName.CLAUDE, "echo", "same"), "c", false);
        JobStart b = bare.start(invocation(CliName.CLAUDE, "echo", "same"), "c", false);
        assertThat(b.deduped()).isFalse();
        assertThat(b.job().id()).isNotEqualTo(a.job().id());
        assertThat(bare.awaitTerminal(a.job().id(), WAIT).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(bare.result(a.job().id(), 1000).orElseThrow().stdout()).isEqualTo("same\n");
        assertThat(bare.snapshot("unknown")).isEmpty();
    }

    @Test
    void theOutputFormatTravelsWithTheJob() throws Exception {
        CliInvocation inv = new CliInvocation(CliName.CLAUDE, List.of("stream-json"), Map.of(), "stream-json", null,
                List.of(), false);
        JobSnapshot s = run(inv);
        assertThat(s.outputFormat()).isEqualTo("stream-json");
        assertThat(row(s.id()).outputFormat()).isEqualTo("stream-json");
        assertThat(s.toMap()).doesNotContainKey("outputFormat");
    }

    @Test
    void snapshotJsonHasTheNodeGatewaysKeysInOrder() throws Exception {
        JobSnapshot s = run(invocation(CliName.CLAUDE, "echo", "x"));
        assertThat(s.toMap().keySet()).containsExactly("id", "cli", "status", "startedAt", "finishedAt", "exitCode",
                "correlationId", "outputTruncated", "stdoutBytes", "stderrBytes", "error", "exited");
        assertThat((String) s.toMap().get("startedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JobResult r = engine.result(s.id(), 1000).orElseThrow();
        assertThat(r.toMap().keySet()).endsWith("stdout", "stderr", "stdoutTruncated", "stderrTruncated");
    }

    @Test
    void resultsKeepTheLastCharactersOfEachStream() {
        JobSnapshot s = new JobSnapshot("i", "claude", JobStatus.COMPLETED, Instant.now(), Instant.now(), 0, "c",
                false, 5, 3, null, true, null);
        JobResult r = JobResult.of(s, "abcde", "xyz", 3);
        assertThat(r.stdout()).isEqualTo("cde");
        assertThat(r.stdoutTruncated()).isTrue();
        assertThat(r.stderr()).isEqualTo("xyz");
        assertThat(r.stderrTruncated()).isFalse();
        assertThat(JobResult.tail("a😀b", 2)).isEqualTo("b"); // never half a surrogate pair
    }
}
