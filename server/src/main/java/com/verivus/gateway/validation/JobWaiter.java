package com.verivus.gateway.validation;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobSnapshot;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Waits for several jobs at once, until all are terminal or the deadline passes, and says each
 * time one more has finished. Each job is waited for through {@link JobEngine#finished}, so a job
 * found through dedup that belongs to another gateway ends the same way as one of this gateway.
 */
public final class JobWaiter {

    private JobWaiter() {
    }

    /**
     * @param onFinished called with the number of jobs finished so far, on the caller's thread
     * @return how many of the jobs finished; an interrupt ends the wait early (the flag is kept)
     */
    public static int awaitAll(JobEngine engine, List<String> jobIds, WaitBudget.Deadline deadline, IntConsumer onFinished) {
        if (jobIds.isEmpty()) {
            return 0;
        }
        BlockingQueue<Boolean> ends = new LinkedBlockingQueue<>();
        List<CompletableFuture<JobSnapshot>> waits = jobIds.stream().map(engine::finished).toList();
        waits.forEach(w -> w.whenComplete((job, failure) -> ends.add(failure == null || unknown(failure))));
        int done = 0;
        try {
            for (int i = 0; i < jobIds.size(); i++) {
                Boolean terminal = deadline.unbounded() ? ends.take()
                        : ends.poll(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
                if (terminal == null) {
                    break;
                }
                if (terminal) {
                    done++;
                    onFinished.accept(done);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waits.forEach(w -> w.cancel(false)); // stop watching jobs of other gateways
        }
        return done;
    }

    /** A job the engine no longer knows is not running either. */
    private static boolean unknown(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof IllegalArgumentException;
    }
}
