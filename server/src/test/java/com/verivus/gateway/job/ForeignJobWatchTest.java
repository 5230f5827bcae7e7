package com.verivus.gateway.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.store.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch on jobs of other gateways, with a row held in memory: re-read while someone waits, and only then. */
class ForeignJobWatchTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final AtomicReference<JobStatus> status = new AtomicReference<>(JobStatus.RUNNING);
    final AtomicInteger reads = new AtomicInteger();
    ForeignJobWatch watch;

    private ForeignJobWatch watch(Duration recheck) {
        watch = new ForeignJobWatch(id -> Optional.empty(), id -> {
            reads.incrementAndGet();
            return Optional.of(new JobSnapshot(id, "claude", status.get(), T0, null, null, "c", false, 0, 0, null,
                    status.get().terminal(), null));
        }, recheck);
        return watch;
    }

    @AfterEach
    void close() {
        watch.close();
    }

    @Test
    void aRowTurningTerminalEndsTheWaitAtTheNextReRead() throws Exception {
        CompletableFuture<JobSnapshot> end = watch(Duration.ofMillis(20)).watch("j");
        assertThat(end).isNotDone();

        status.set(JobStatus.COMPLETED);

        assertThat(end.get(5, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void aSignalReReadsAtOnce() throws Exception {
        CompletableFuture<JobSnapshot> end = watch(Duration.ofHours(1)).watch("j");
        status.set(JobStatus.CANCELED);

        watch.wake("j");

        assertThat(end.get(5, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.CANCELED);
    }

    @Test
    void reReadingStopsWhenTheLastWaiterGivesUp() throws Exception {
        CompletableFuture<JobSnapshot> end = watch(Duration.ofMillis(10)).watch("j");
        JobFixtures.eventually(Duration.ofSeconds(5), () -> reads.get() > 2, "re-reads while someone waits");

        end.cancel(false);
        Thread.sleep(500); // the next re-read drops the cancelled waiter and ends the chain
        int after = reads.get();
        Thread.sleep(200);

        assertThat(reads.get()).isEqualTo(after);
    }

    @Test
    void aJobAlreadyOverEndsTheWaitWithoutATimer() {
        status.set(JobStatus.FAILED);

        CompletableFuture<JobSnapshot> end = watch(Duration.ofHours(1)).watch("j");

        assertThat(end).isCompleted();
        assertThat(reads.get()).isEqualTo(1);
    }
}
