package com.verivus.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.store.JobCompletion;
import com.verivus.gateway.store.JobLease;
import com.verivus.gateway.store.JobOwner;
import com.verivus.gateway.store.JobRecord;
import com.verivus.gateway.store.JobStatus;
import com.verivus.gateway.store.JobStore;
import com.verivus.gateway.store.SqliteJobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine marks the rows of gone gateways orphaned (and deletes expired rows) on a thread of its own, so
 * that a stdio client does not wait for it; no read through the engine may see a row before that is done.
 */
class StoreRecoveryTest {

    @TempDir
    Path dir;

    JobFixtures fx;
    SqliteJobStore store;

    @BeforeEach
    void setUp() {
        fx = JobFixtures.in(dir);
        store = SqliteJobStore.open(dir.resolve("logs.db"), 86_400_000L);
    }

    @AfterEach
    void tearDown() {
        fx.close();
        store.close();
    }

    @Test
    void theEngineIsBuiltAtOnceAndReadsNothingBeforeItsRecoveryIsDone() throws Exception {
        recordStaleRow();
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<JobEngine> built = CompletableFuture.supplyAsync(() -> new JobEngine(
                JobFixtures.testSettings(), Optional.of(new GatedRecovery(store, release)), fx.launcher(),
                Clock.systemUTC()));
        JobEngine engine;
        try {
            engine = built.get(10, TimeUnit.SECONDS); // the constructor does not wait for the recovery
        } finally {
            if (!built.isDone()) {
                release.countDown();
            }
        }
        try {
            CompletableFuture<JobStatus> read = CompletableFuture.supplyAsync(
                    () -> engine.snapshot("stale").orElseThrow().status());
            assertThat(engine.storeRecovered()).isNotDone();
            Thread.sleep(300);
            assertThat(read).as("a read waits for the recovery").isNotDone();
            assertThat(store.find("stale").orElseThrow().status()).isEqualTo(JobStatus.RUNNING);

            release.countDown();
            assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.ORPHANED);
            assertThat(engine.storeRecovered()).isDone();
        } finally {
            release.countDown();
            engine.close();
        }
    }

    @Test
    void aGatewayStoppedRightAfterItsStartStillLeavesTheStoreRecovered() throws Exception {
        recordStaleRow();
        CountDownLatch release = new CountDownLatch(1);
        JobEngine engine = new JobEngine(JobFixtures.testSettings(), Optional.of(new GatedRecovery(store, release)),
                fx.launcher(), Clock.systemUTC());
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });

        engine.close();

        assertThat(release.getCount()).as("close waited for the recovery").isZero();
        assertThat(store.find("stale").orElseThrow().status()).isEqualTo(JobStatus.ORPHANED);
    }

    /** A running row of a gateway on another host whose lease ran out an hour ago: the recovery orphans it. */
    private void recordStaleRow() {
        Instant stale = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
        store.recordStart(new JobRecord("stale", "c", "k-stale", "claude", List.of("x"), null, JobStatus.RUNNING,
                null, "", "", false, null, stale, null, null, null,
                new JobOwner("some-other-host", 77, stale.minusSeconds(60)), stale));
    }

    /** The real store, with the recovery's scan for running rows held until the test releases it. */
    private record GatedRecovery(JobStore store, CountDownLatch release) implements JobStore {

        @Override
        public List<JobLease> findRunning() {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return store.findRunning();
        }

        @Override
        public PersistenceConfig.Backend backend() {
            return store.backend();
        }

        @Override
        public long retentionMs() {
            return store.retentionMs();
        }

        @Override
        public void recordStart(JobRecord job) {
            store.recordStart(job);
        }

        @Override
        public Optional<JobRecord> startOrReuse(JobRecord job, Instant startedNotBefore) {
            return store.startOrReuse(job, startedNotBefore);
        }

        @Override
        public void recordPid(String id, long pid) {
            store.recordPid(id, pid);
        }

        @Override
        public void recordOutput(String id, String stdout, String stderr, boolean outputTruncated) {
            store.recordOutput(id, stdout, stderr, outputTruncated);
        }

        @Override
        public void recordComplete(JobCompletion completion) {
            store.recordComplete(completion);
        }

        @Override
        public Optional<JobRecord> find(String id) {
            return store.find(id);
        }

        @Override
        public Optional<JobRecord> findReusable(String requestKey, Instant startedNotBefore) {
            return store.findReusable(requestKey, startedNotBefore);
        }

        @Override
        public boolean markOrphaned(String id, Instant expectedHeartbeat, Instant now) {
            return store.markOrphaned(id, expectedHeartbeat, now);
        }

        @Override
        public int heartbeat(Collection<String> ids, Instant at) {
            return store.heartbeat(ids, at);
        }

        @Override
        public int evictExpired(Instant now) {
            return store.evictExpired(now);
        }

        @Override
        public void close() {
        }
    }
}
