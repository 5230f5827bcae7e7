package com.verivus.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.store.JobOwner;
import com.verivus.gateway.store.JobRecord;
import com.verivus.gateway.store.JobStatus;
import com.verivus.gateway.store.postgres.PostgresDatabase;
import com.verivus.gateway.store.postgres.PostgresJobStore;
import com.verivus.gateway.store.postgres.PostgresTestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owner leases on PostgreSQL for gateways on other hosts (on this host the pid decides, see
 * JobRestartTest): a row whose heartbeat is older than the lease is orphaned by a peer, a row whose
 * owner keeps heartbeating — however slow its jobs — never is, and a cancel asked for a job of another
 * gateway is recorded for that gateway to act on.
 */
class PostgresLeaseTest {

    @TempDir
    Path dir;

    JobFixtures fx;
    PostgresTestDatabase database;
    PostgresJobStore store;

    @BeforeEach
    void setUp() {
        fx = JobFixtures.in(dir);
        database = PostgresTestDatabase.create();
        store = new PostgresJobStore(PostgresDatabase.open(database.dsn()), 86_400_000L, true);
    }

    @AfterEach
    void tearDown() {
        fx.close();
        store.close();
        database.close();
    }

    private static JobRecord row(String id, JobOwner owner, Instant startedAt, Instant heartbeat) {
        return new JobRecord(id, "c", "k-" + id, "claude", List.of("x"), null, JobStatus.RUNNING, null, "", "", false,
                null, startedAt, null, null, null, owner, heartbeat);
    }

    @Test
    void aStaleLeaseOfAnotherHostIsOrphanedAndAFreshOneIsNot() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JobOwner elsewhere = new JobOwner("some-other-host", 77, now.minusSeconds(3600));
        store.recordStart(row("fresh", elsewhere, now, now));
        store.recordStart(row("stale", elsewhere, now.minusSeconds(30), now.minusSeconds(30)));
        store.recordOutput("stale", "partial output", "", false);

        fx.engine(JobFixtures.testSettings(), Optional.of(store)); // sweeps at start

        assertThat(store.find("fresh").orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        JobRecord stale = store.find("stale").orElseThrow();
        assertThat(stale.status()).isEqualTo(JobStatus.ORPHANED);
        assertThat(stale.stdout()).isEqualTo("partial output");
    }

    @Test
    void anOwnerThatKeepsHeartbeatingIsNeverOrphanedHoweverLongItsJobRuns() throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JobOwner elsewhere = new JobOwner("slow-host", 91, start.minusSeconds(3600));
        store.recordStart(row("long", elsewhere, start.minusSeconds(600), start));
        AtomicBoolean alive = new AtomicBoolean(true);
        // the slow owner: heartbeats every second (the test lease is 5 s), nothing else
        Thread owner = Thread.ofPlatform().daemon().start(() -> {
            while (alive.get()) {
                store.heartbeat(List.of("long"), Instant.now());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            // several peers, each judging the row on start, on every read and on its frequent sweeps
            JobEngineSettings settings = JobFixtures.testSettings().withSweep(Duration.ofMillis(200), Duration.ofHours(1));
            JobEngine a = fx.engine(settings, Optional.of(store));
            JobEngine b = fx.engine(settings, Optional.of(store));
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos(); // longer than the lease
            while (System.nanoTime() < until) {
                assertThat(a.snapshot("long").orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
                assertThat(b.snapshot("long").orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
                Thread.sleep(100);
            }
        } finally {
            alive.set(false);
            owner.interrupt();
        }
        assertThat(store.find("long").orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void cancellingAJobOfAnotherLiveGatewayRecordsTheRequestForIt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.recordStart(row("remote", new JobOwner("far-host", 5, now.minusSeconds(60)), now, now));
        JobEngine engine = fx.engine(JobFixtures.testSettings(), Optional.of(store));
        // the owner is alive (heartbeats) but never acts on the request: the wait for its confirmation ends
        AtomicBoolean alive = new AtomicBoolean(true);
        Thread owner = Thread.ofPlatform().daemon().start(() -> {
            while (alive.get()) {
                store.heartbeat(List.of("remote"), Instant.now());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        CancelResult result;
        try {
            result = engine.cancel("remote");
        } finally {
            alive.set(false);
            owner.interrupt();
        }

        assertThat(result).isInstanceOf(CancelResult.CancelRequested.class);
        assertThat(result.reason()).contains("host far-host, pid 5").contains("poll llm_job_status");
        assertThat(store.cancelRequested(List.of("remote"))).containsExactly("remote");
    }
}
