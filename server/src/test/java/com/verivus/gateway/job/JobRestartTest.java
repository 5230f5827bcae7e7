package com.verivus.gateway.job;

import static com.verivus.gateway.job.JobFixtures.eventually;
import static com.verivus.gateway.job.JobFixtures.gone;
import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.store.JobOwner;
import com.verivus.gateway.store.JobRecord;
import com.verivus.gateway.store.JobStatus;
import com.verivus.gateway.store.SqliteJobStore;
import com.verivus.gateway.testing.GatewayProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart survival with real gateway processes sharing one logs.db: a killed gateway's jobs are
 * orphaned at once by the next one, live gateways never orphan each other's jobs, rows of other
 * hosts and of the Node gateway follow the heartbeat lease.
 */
class JobRestartTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    JobFixtures fx;
    Path db;
    SqliteJobStore store;
    final List<Long> strayPids = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fx = JobFixtures.in(dir);
        db = dir.resolve("shared").resolve("logs.db");
        store = SqliteJobStore.open(db, 86_400_000L);
    }

    @AfterEach
    void tearDown() {
        fx.close();
        store.close();
        for (long pid : strayPids) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** A {@link JobGatewayMain} in its own JVM (the shared launcher) and the id of the one job it started. */
    record JobGateway(GatewayProcess process, String jobId) implements AutoCloseable {

        static JobGateway start(JobFixtures fx, Path db, String name, String... cliArgs) {
            List<String> args = new ArrayList<>(List.of(db.toString(), fx.home.toString(),
                    fx.env.workingDirectory().toString()));
            args.addAll(List.of(cliArgs));
            GatewayProcess p = GatewayProcess.builder(fx.home).testMain(JobGatewayMain.class).jvmArgs("-Xshare:auto")
                    .args(args.toArray(String[]::new)).start().closeStdin();
            String line = p.readLine(WAIT).orElse(null);
            if (line == null || !line.startsWith("JOB ")) {
                p.close();
                throw new AssertionError("gateway " + name + " did not start a job: " + line + "; stderr:\n"
                        + p.stderr());
            }
            return new JobGateway(p, line.substring(4).trim());
        }

        long pid() {
            return process.pid();
        }

        /** SIGKILL: no shutdown hook, no final write. */
        void kill() {
            process.kill();
        }

        /** SIGTERM: the JVM runs its shutdown hook (the engine's shutdown). */
        void stop() {
            process.terminate().awaitExit(Duration.ofSeconds(30));
        }

        @Override
        public void close() {
            process.close();
        }
    }

    private JobRecord row(String id) {
        return store.find(id).orElseThrow();
    }

    private void awaitOutput(String id, String text) {
        eventually(WAIT, () -> store.find(id).map(r -> r.stdout().contains(text)).orElse(false),
                "output '" + text + "' of job " + id + " in the store");
    }

    @Test
    void aGatewayKilledMidJobIsOrphanedAtOnceByTheNextWithItsPartialOutput() throws Exception {
        try (JobGateway a = JobGateway.start(fx, db, "a", "partial", "half-done", "300")) {
            awaitOutput(a.jobId, "half-done");
            long cliPid = row(a.jobId).pid();
            strayPids.add(cliPid); // the CLI outlives a SIGKILLed gateway (nobody kills it)
            assertThat(row(a.jobId).owner().pid()).isEqualTo(a.pid());

            a.kill();
            assertThat(row(a.jobId).status()).isEqualTo(JobStatus.RUNNING);

            long t0 = System.nanoTime();
            JobEngine next = fx.engine(JobFixtures.testSettings(), Optional.of(store));
            JobSnapshot s = next.snapshot(a.jobId).orElseThrow();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));

            assertThat(s.status()).isEqualTo(JobStatus.ORPHANED);
            assertThat(s.error()).isEqualTo("Gateway restarted while job was running");
            assertThat(next.result(a.jobId, 1000).orElseThrow().stdout()).isEqualTo("half-done\n");
            assertThat(row(a.jobId).status()).isEqualTo(JobStatus.ORPHANED);
            assertThat(next.cancel(a.jobId).reason()).isEqualTo("Job is already orphaned");
        }
    }

    @Test
    void liveGatewaysOnOneFileDoNotOrphanEachOthersJobs() throws Exception {
        try (JobGateway a = JobGateway.start(fx, db, "a", "partial", "from-a", "300");
             JobGateway b = JobGateway.start(fx, db, "b", "partial", "from-b", "300")) {
            awaitOutput(a.jobId, "from-a");
            awaitOutput(b.jobId, "from-b");
            strayPids.add(row(a.jobId).pid());
            strayPids.add(row(b.jobId).pid());
            // b started (and swept) after a's job was running: a's job is untouched
            assertThat(row(a.jobId).status()).isEqualTo(JobStatus.RUNNING);

            JobEngine third = fx.engine(JobFixtures.testSettings(), Optional.of(store));
            assertThat(third.snapshot(a.jobId).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
            assertThat(third.snapshot(b.jobId).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);

            CancelResult elsewhere = third.cancel(a.jobId);
            assertThat(elsewhere).isInstanceOf(CancelResult.RunningElsewhere.class);
            assertThat(elsewhere.reason()).isEqualTo("Job is running on another gateway (host "
                    + JobOwner.current().host() + ", pid " + a.pid() + "); cancel it through that gateway");

            // heartbeats move on while the owners live
            Instant beat = row(a.jobId).heartbeatAt();
            eventually(WAIT, () -> row(a.jobId).heartbeatAt().isAfter(beat), "a heartbeat of gateway a");

            // a stops cleanly: its engine marks its own job; b's stays running
            long aCli = row(a.jobId).pid();
            a.stop();
            assertThat(row(a.jobId).status()).isEqualTo(JobStatus.ORPHANED);
            assertThat(row(a.jobId).error()).isEqualTo("Gateway shut down while job was running");
            assertThat(gone(aCli)).isTrue();
            assertThat(row(b.jobId).status()).isEqualTo(JobStatus.RUNNING);

            // b dies hard: the next read through the third engine notices at once (the row is re-read)
            b.kill();
            assertThat(third.snapshot(b.jobId).orElseThrow().status()).isEqualTo(JobStatus.ORPHANED);
            assertThat(third.result(b.jobId, 1000).orElseThrow().stdout()).isEqualTo("from-b\n");
        }
    }

    @Test
    void aJobOfAnotherGatewayIsWatchedUntilItFinishes() throws Exception {
        try (JobGateway a = JobGateway.start(fx, db, "a", "partial", "remote", "1.5")) {
            JobEngine watcher = fx.engine(JobFixtures.testSettings(), Optional.of(store));
            assertThat(watcher.snapshot(a.jobId).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
            JobSnapshot done = watcher.awaitTerminal(a.jobId, WAIT).orElseThrow();
            assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(watcher.result(a.jobId, 1000).orElseThrow().stdout()).isEqualTo("remote\ntail\n");
            assertThat(a.process.readLine(WAIT)).contains("DONE completed");
        }
    }

    @Test
    void rowsOfOtherHostsAndOfTheNodeGatewayFollowTheHeartbeatLease() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant stale = now.minusSeconds(30); // the test lease is 5 s
        JobOwner elsewhere = new JobOwner("some-other-host", 77, now.minusSeconds(3600));
        store.recordStart(row("other-fresh", elsewhere, now, now));
        store.recordStart(row("other-stale", elsewhere, stale, stale));
        store.recordStart(row("node-fresh", null, now, null));
        store.recordStart(row("node-stale", null, stale, null));

        JobEngine engine = fx.engine(JobFixtures.testSettings(), Optional.of(store));

        assertThat(row("other-fresh").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(row("other-stale").status()).isEqualTo(JobStatus.ORPHANED);
        assertThat(row("node-fresh").status()).isEqualTo(JobStatus.RUNNING);
        assertThat(row("node-stale").status()).isEqualTo(JobStatus.ORPHANED);
        assertThat(engine.cancel("other-fresh").reason()).contains("host some-other-host, pid 77");
        assertThat(engine.cancel("node-fresh").reason())
                .isEqualTo("Job is running on another gateway that shares this job store; cancel it through that "
                        + "gateway");
    }

    @Test
    void rowsOfThisHostAreJudgedByPidAndProcessStartTime() throws Exception {
        Process live = new ProcessBuilder("sleep", "60").start();
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        try {
            String host = JobOwner.current().host();
            Instant liveStart = live.info().startInstant().orElseThrow();
            Instant old = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
            store.recordStart(row("live-owner", new JobOwner(host, live.pid(), liveStart), old, old));
            store.recordStart(row("reused-pid", new JobOwner(host, live.pid(), liveStart.minusSeconds(600)), old,
                    old));
            Instant fresh = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            store.recordStart(row("dead-owner", new JobOwner(host, dead.pid(), fresh), fresh, fresh));

            fx.engine(JobFixtures.testSettings(), Optional.of(store));

            // alive despite an hour-old heartbeat: the pid check wins on this host
            assertThat(row("live-owner").status()).isEqualTo(JobStatus.RUNNING);
            assertThat(row("reused-pid").status()).isEqualTo(JobStatus.ORPHANED);
            // gone despite a fresh heartbeat: no need to wait for the lease
            assertThat(row("dead-owner").status()).isEqualTo(JobStatus.ORPHANED);
        } finally {
            live.destroyForcibly().waitFor();
        }
    }

    private static JobRecord row(String id, JobOwner owner, Instant startedAt, Instant heartbeat) {
        return new JobRecord(id, "c", "k-" + id, "claude", List.of("x"), null, JobStatus.RUNNING, null, "", "", false,
                null, startedAt, null, null, null, owner, heartbeat);
    }
}
