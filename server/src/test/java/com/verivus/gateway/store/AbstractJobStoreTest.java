package com.verivus.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.json.IsoTimestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JobStore contract; every implementation runs it through a subclass. */
abstract class AbstractJobStoreTest {

    static final long RETENTION_MS = Duration.ofDays(30).toMillis();
    static final Instant T0 = Instant.parse("2026-05-24T10:11:12.345Z");
    static final JobOwner OWNER = new JobOwner("host-a", 4242, Instant.parse("2026-05-24T09:00:00.000Z"));

    JobStore store;

    /** A fresh, empty store with {@link #RETENTION_MS}. */
    abstract JobStore open() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static JobRecord running(String id, String key, Instant startedAt) {
        return new JobRecord(id, "corr-" + id, key, "claude", List.of("-p", "say \"hi\" — ünï 😀", "--x"),
                "stream-json", JobStatus.RUNNING, null, "", "", false, null, startedAt, null, 1234L, null, OWNER,
                startedAt);
    }

    static JobCompletion completion(String id, JobStatus status, Instant finishedAt) {
        return new JobCompletion(id, status, status == JobStatus.COMPLETED ? 0 : 1, "out of " + id, "err of " + id,
                false, status == JobStatus.FAILED ? "boom" : null, finishedAt);
    }

    @Test
    void startedJobReadsBackRunningWithEmptyOutputOwnerAndFarFutureExpiry() {
        store.recordStart(running("j1", "k1", T0));

        JobRecord r = store.find("j1").orElseThrow();
        assertThat(r.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(r.correlationId()).isEqualTo("corr-j1");
        assertThat(r.requestKey()).isEqualTo("k1");
        assertThat(r.cli()).isEqualTo("claude");
        assertThat(r.args()).containsExactly("-p", "say \"hi\" — ünï 😀", "--x");
        assertThat(r.outputFormat()).isEqualTo("stream-json");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEmpty();
        assertThat(r.outputTruncated()).isFalse();
        assertThat(r.exitCode()).isNull();
        assertThat(r.error()).isNull();
        assertThat(r.startedAt()).isEqualTo(T0);
        assertThat(r.finishedAt()).isNull();
        assertThat(r.pid()).isEqualTo(1234L);
        assertThat(r.expiresAt()).isEqualTo(Instant.parse(IsoTimestamps.FAR_FUTURE));
        assertThat(r.owner()).isEqualTo(OWNER);
        assertThat(r.heartbeatAt()).isEqualTo(T0);
    }

    @Test
    void workingDirectoryIsKeptThroughOutputCompletionAndOrphaning() {
        JobRecord r = running("w", "kw", T0);
        store.recordStart(new JobRecord(r.id(), r.correlationId(), r.requestKey(), r.cli(), r.args(),
                r.outputFormat(), r.status(), null, "", "", false, null, T0, null, 1L, null, OWNER, T0,
                "/srv/repos/ünï"));
        store.recordStart(running("plain", "kp", T0));
        store.recordOutput("w", "partial", "", false);
        assertThat(store.find("w").orElseThrow().workingDir()).isEqualTo("/srv/repos/ünï");
        store.recordComplete(completion("w", JobStatus.COMPLETED, T0.plusSeconds(1)));
        assertThat(store.find("w").orElseThrow().workingDir()).isEqualTo("/srv/repos/ünï");
        assertThat(store.find("plain").orElseThrow().workingDir()).isNull();
    }

    @Test
    void unknownIdIsEmpty() {
        assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void recordingTheSameIdTwiceFails() {
        store.recordStart(running("j1", "k1", T0));
        assertThatThrownBy(() -> store.recordStart(running("j1", "k1", T0))).isInstanceOf(JobStoreException.class);
    }

    @Test
    void outputFlushReplacesOutputAndTruncationFlagButNotStatus() {
        store.recordStart(running("j1", "k1", T0));
        store.recordOutput("j1", "partial", "warn", false);
        store.recordOutput("j1", "partial more", "warn", true);

        JobRecord r = store.find("j1").orElseThrow();
        assertThat(r.stdout()).isEqualTo("partial more");
        assertThat(r.stderr()).isEqualTo("warn");
        assertThat(r.outputTruncated()).isTrue();
        assertThat(r.status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void completionSetsTerminalStateAndExpiryAfterRetention() {
        store.recordStart(running("j1", "k1", T0));
        Instant finished = T0.plusSeconds(5);
        store.recordComplete(new JobCompletion("j1", JobStatus.FAILED, 42, "o", "e", true, "bad", finished));

        JobRecord r = store.find("j1").orElseThrow();
        assertThat(r.status()).isEqualTo(JobStatus.FAILED);
        assertThat(r.exitCode()).isEqualTo(42);
        assertThat(r.stdout()).isEqualTo("o");
        assertThat(r.stderr()).isEqualTo("e");
        assertThat(r.outputTruncated()).isTrue();
        assertThat(r.error()).isEqualTo("bad");
        assertThat(r.finishedAt()).isEqualTo(finished);
        assertThat(r.expiresAt()).isEqualTo(finished.plusMillis(RETENTION_MS));
    }

    @Test
    void completionWithoutExitCodeKeepsItNull() {
        store.recordStart(running("j1", "k1", T0));
        store.recordComplete(new JobCompletion("j1", JobStatus.CANCELED, null, "", "", false, null, T0.plusSeconds(1)));
        assertThat(store.find("j1").orElseThrow().exitCode()).isNull();
    }

    @Test
    void reusableIsTheMostRecentRunningOrCompletedJobInsideTheWindow() {
        store.recordStart(running("old", "k", T0));
        store.recordComplete(completion("old", JobStatus.COMPLETED, T0.plusSeconds(1)));
        store.recordStart(running("newer", "k", T0.plusSeconds(10)));

        assertThat(store.findReusable("k", T0).map(JobRecord::id)).contains("newer");
        store.recordComplete(completion("newer", JobStatus.COMPLETED, T0.plusSeconds(11)));
        assertThat(store.findReusable("k", T0).map(JobRecord::id)).contains("newer");
    }

    @Test
    void failedCanceledAndOrphanedJobsAreNeverReusable() {
        store.recordStart(running("f", "k", T0));
        store.recordComplete(completion("f", JobStatus.FAILED, T0.plusSeconds(1)));
        store.recordStart(running("c", "k", T0.plusSeconds(2)));
        store.recordComplete(completion("c", JobStatus.CANCELED, T0.plusSeconds(3)));
        store.recordStart(running("o", "k", T0.plusSeconds(4)));
        store.markOrphaned("o", T0.plusSeconds(4), T0.plusSeconds(5));

        assertThat(store.findReusable("k", T0)).isEmpty();
    }

    @Test
    void jobsStartedBeforeTheWindowOrWithAnotherKeyAreNotReusable() {
        store.recordStart(running("j", "k", T0));
        store.recordComplete(completion("j", JobStatus.COMPLETED, T0.plusSeconds(1)));

        assertThat(store.findReusable("k", T0.plusMillis(1))).isEmpty();
        assertThat(store.findReusable("k", T0)).isPresent();
        assertThat(store.findReusable("other", T0.minusSeconds(60))).isEmpty();
    }

    @Test
    void runningLeasesListOnlyRunningRowsWithOwnerAndHeartbeat() {
        store.recordStart(running("r", "k", T0));
        store.recordStart(running("done", "k2", T0));
        store.recordComplete(completion("done", JobStatus.COMPLETED, T0.plusSeconds(1)));

        List<JobLease> leases = store.findRunning();
        assertThat(leases).containsExactly(new JobLease("r", T0, OWNER, T0));
        assertThat(leases.get(0).lastSignOfLife()).isEqualTo(T0);
    }

    @Test
    void orphaningKeepsPartialOutputAndSetsErrorFinishAndExpiry() {
        store.recordStart(running("j", "k", T0));
        store.recordOutput("j", "half of it", "", false);
        Instant now = T0.plusSeconds(100);

        assertThat(store.markOrphaned("j", T0, now)).isTrue();

        JobRecord r = store.find("j").orElseThrow();
        assertThat(r.status()).isEqualTo(JobStatus.ORPHANED);
        assertThat(r.error()).isEqualTo("Gateway restarted while job was running");
        assertThat(r.stdout()).isEqualTo("half of it");
        assertThat(r.finishedAt()).isEqualTo(now);
        assertThat(r.expiresAt()).isEqualTo(now.plusMillis(RETENTION_MS));
        assertThat(store.findRunning()).isEmpty();
    }

    @Test
    void orphaningIsRefusedWhenTheOwnerHeartbeatMovedOnOrTheJobFinished() {
        store.recordStart(running("j", "k", T0));
        store.heartbeat(List.of("j"), T0.plusSeconds(10));

        assertThat(store.markOrphaned("j", T0, T0.plusSeconds(20))).isFalse();
        assertThat(store.find("j").orElseThrow().status()).isEqualTo(JobStatus.RUNNING);

        store.recordComplete(completion("j", JobStatus.COMPLETED, T0.plusSeconds(30)));
        assertThat(store.markOrphaned("j", T0.plusSeconds(10), T0.plusSeconds(40))).isFalse();
        assertThat(store.find("j").orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void orphaningMatchesRowsWithoutHeartbeatWhenNullIsExpected() {
        JobRecord legacy = new JobRecord("n", "c", "k", "codex", List.of(), null, JobStatus.RUNNING, null, "", "",
                false, null, T0, null, null, null, null, null);
        store.recordStart(legacy);
        assertThat(store.find("n").orElseThrow().owner()).isNull();
        assertThat(store.markOrphaned("n", null, T0.plusSeconds(120))).isTrue();
        assertThat(store.find("n").orElseThrow().status()).isEqualTo(JobStatus.ORPHANED);
    }

    @Test
    void heartbeatTouchesOnlyRunningRows() {
        store.recordStart(running("r", "k", T0));
        store.recordStart(running("d", "k", T0));
        store.recordComplete(completion("d", JobStatus.COMPLETED, T0.plusSeconds(1)));

        assertThat(store.heartbeat(List.of("r", "d", "missing"), T0.plusSeconds(9))).isEqualTo(1);
        assertThat(store.find("r").orElseThrow().heartbeatAt()).isEqualTo(T0.plusSeconds(9));
        assertThat(store.find("d").orElseThrow().heartbeatAt()).isEqualTo(T0);
    }

    @Test
    void evictionDeletesExpiredFinishedRowsOnly() {
        store.recordStart(running("running", "k", T0));
        store.recordStart(running("expired", "k", T0));
        store.recordComplete(completion("expired", JobStatus.COMPLETED, T0));
        store.recordStart(running("fresh", "k", T0));
        store.recordComplete(completion("fresh", JobStatus.COMPLETED, T0.plusSeconds(3600)));

        Instant now = T0.plusMillis(RETENTION_MS).plusSeconds(1);
        assertThat(store.evictExpired(now)).isEqualTo(1);
        assertThat(store.find("expired")).isEmpty();
        assertThat(store.find("fresh")).isPresent();
        assertThat(store.find("running")).isPresent();
    }

    @Test
    void timestampsKeepMilliseconds() {
        Instant precise = Instant.parse("2026-05-24T10:11:12.007Z");
        store.recordStart(running("j", "k", precise));
        store.recordComplete(completion("j", JobStatus.COMPLETED, precise.plusMillis(993)));
        JobRecord r = store.find("j").orElseThrow();
        assertThat(r.startedAt()).isEqualTo(precise);
        assertThat(r.finishedAt()).isEqualTo(Instant.parse("2026-05-24T10:11:13.000Z"));
    }

    @Test
    void aRowWithoutOwnerReadsBackWithoutOwner() {
        store.recordStart(new JobRecord("x", "c", "k", "grok", List.of("a"), null, JobStatus.RUNNING, null, "", "",
                false, null, T0, null, null, null, null, T0));
        Optional<JobRecord> r = store.find("x");
        assertThat(r).isPresent();
        assertThat(r.get().owner()).isNull();
        assertThat(r.get().pid()).isNull();
    }

    @Test
    void startOrReuseRecordsAFreshJobWhenNothingIsReusable() {
        assertThat(store.startOrReuse(running("j1", "k", T0), T0.minusSeconds(60))).isEmpty();
        assertThat(store.find("j1")).get().extracting(JobRecord::status).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void startOrReuseReturnsTheReusableRowAndRecordsNothing() {
        store.recordStart(running("first", "k", T0));
        Optional<JobRecord> reused = store.startOrReuse(running("second", "k", T0.plusSeconds(1)), T0.minusSeconds(60));
        assertThat(reused).get().extracting(JobRecord::id).isEqualTo("first");
        assertThat(store.find("second")).isEmpty();
    }

    @Test
    void startOrReuseIgnoresRowsOutsideTheWindowOrNotReusable() {
        store.recordStart(running("old", "k", T0));
        store.recordStart(running("failed", "k", T0.plusSeconds(100)));
        store.recordComplete(completion("failed", JobStatus.FAILED, T0.plusSeconds(101)));
        assertThat(store.startOrReuse(running("new", "k", T0.plusSeconds(200)), T0.plusSeconds(50))).isEmpty();
        assertThat(store.find("new")).isPresent();
    }

    @Test
    void concurrentStartOrReuseWithOneKeyRecordsExactlyOneJob() throws Exception {
        int callers = 16;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Optional<JobRecord>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String id = "racer-" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return store.startOrReuse(running(id, "same-key", T0), T0.minusSeconds(60));
                }));
            }
            go.countDown();
            int recorded = 0;
            java.util.Set<String> reusedIds = new java.util.HashSet<>();
            for (var f : results) {
                Optional<JobRecord> r = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (r.isEmpty()) {
                    recorded++;
                } else {
                    reusedIds.add(r.get().id());
                }
            }
            assertThat(recorded).isEqualTo(1);
            assertThat(reusedIds).hasSize(1);
            assertThat(store.findRunning()).hasSize(1).first().extracting(JobLease::id).isIn(reusedIds);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void recordPidSetsThePidOfARowRecordedBeforeItsProcessStarted() {
        store.recordStart(new JobRecord("p", "c", "k", "codex", List.of(), null, JobStatus.RUNNING, null, "", "",
                false, null, T0, null, null, null, OWNER, T0));
        store.recordPid("p", 777L);
        assertThat(store.find("p")).get().extracting(JobRecord::pid).isEqualTo(777L);
    }
}
