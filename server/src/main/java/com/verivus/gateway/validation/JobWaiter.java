package com.verivus.gateway.validation;

import com.verivus.gateway.job.JobEngine;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Waits for several jobs at once, until all are terminal or the deadline passes, and says each
 * time one more has finished. Jobs of this gateway wake the waiter the moment they settle; jobs
 * found through dedup that belong to another gateway are watched through the store (the engine's
 * {@link JobEngine#awaitTerminal}).
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
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        CompletionService<Boolean> finished = new ExecutorCompletionService<>(pool);
        for (String id : jobIds) {
            finished.submit(() -> engine.awaitTerminal(id, deadline.remaining()).isPresent());
        }
        int done = 0;
        try {
            for (int i = 0; i < jobIds.size(); i++) {
                Future<Boolean> next = deadline.unbounded() ? finished.take()
                        : finished.poll(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                if (terminal(next)) {
                    done++;
                    onFinished.accept(done);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        return done;
    }

    /** A job the engine no longer knows is not running either. */
    private static boolean terminal(Future<Boolean> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return e.getCause() instanceof IllegalArgumentException;
        }
    }
}
