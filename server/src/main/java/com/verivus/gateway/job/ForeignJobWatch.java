package com.verivus.gateway.job;

import com.verivus.gateway.log.GatewayLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Waits for jobs that another gateway runs on the shared store: one timer thread re-reads the row of
 * every job someone waits for, and a store signal (PostgreSQL NOTIFY) re-reads it at once. A job is
 * read only while someone waits: a waiter that gives up cancels its future and is dropped at the next
 * read; the re-reading stops with the last waiter.
 */
final class ForeignJobWatch implements AutoCloseable {

    /** The waiters of one job; identity tells an old re-read chain from the current one. */
    private static final class Watched {
        final String id;
        final List<CompletableFuture<JobSnapshot>> waiters = new ArrayList<>();

        Watched(String id) {
            this.id = id;
        }
    }

    private final Function<String, Optional<CompletableFuture<JobSnapshot>>> local;
    private final Function<String, Optional<JobSnapshot>> read;
    private final Duration recheck;
    private final ScheduledExecutorService timer;
    private final Map<String, Watched> watched = new HashMap<>(); // guarded by this

    /**
     * @param local   the settlement of a job that turned out to be this gateway's (its row is recorded
     *                just before it is registered in memory); empty for a job of another gateway
     * @param read    the job's row (empty: no such job)
     * @param recheck how often a row is re-read without a signal
     */
    ForeignJobWatch(Function<String, Optional<CompletableFuture<JobSnapshot>>> local,
                    Function<String, Optional<JobSnapshot>> read, Duration recheck) {
        this.local = local;
        this.read = read;
        this.recheck = recheck;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "foreign-job-watch");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A future completed with the job's terminal snapshot, failed with {@link IllegalArgumentException}
     * when there is no such job. Registered before the first read, so a signal in between is not lost;
     * a job already over comes back completed.
     */
    CompletableFuture<JobSnapshot> watch(String id) {
        CompletableFuture<JobSnapshot> waiter = new CompletableFuture<>();
        Watched w;
        boolean first;
        synchronized (this) {
            w = watched.get(id);
            first = w == null;
            if (first) {
                w = new Watched(id);
                watched.put(id, w);
            }
            w.waiters.add(waiter);
        }
        boolean stillWatched = check(w, false);
        if (first && stillWatched) {
            schedule(w); // one re-read chain per watched job, started by its first waiter
        }
        return waiter;
    }

    /** The store says the job finished: re-read it now instead of at the next tick. */
    void wake(String id) {
        Watched w;
        synchronized (this) {
            w = watched.get(id);
        }
        if (w != null) {
            Watched target = w;
            execute(() -> check(target, false));
        }
    }

    private void schedule(Watched w) {
        try {
            timer.schedule(() -> {
                if (check(w, true)) {
                    schedule(w);
                }
            }, recheck.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed: nobody re-reads any more
        }
    }

    private void execute(Runnable task) {
        try {
            timer.execute(task);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    /** Re-reads the row and completes the waiters when it is over; true while the job is still watched. */
    private boolean check(Watched w, boolean periodic) {
        synchronized (this) {
            if (watched.get(w.id) != w) {
                return false;
            }
            w.waiters.removeIf(CompletableFuture::isDone);
            if (w.waiters.isEmpty()) {
                watched.remove(w.id);
                return false;
            }
        }
        Optional<CompletableFuture<JobSnapshot>> settlement = local.apply(w.id);
        if (settlement.isPresent()) {
            // this gateway runs it after all: its waiters wait for it to settle, not for its row
            List<CompletableFuture<JobSnapshot>> waiters = release(w);
            settlement.get().whenComplete((s, failure) -> waiters.forEach(f -> f.complete(s)));
            return false;
        }
        Optional<JobSnapshot> now;
        try {
            now = read.apply(w.id);
        } catch (RuntimeException e) {
            if (periodic) {
                GatewayLog.warn("re-reading job " + w.id + " failed: " + e.getMessage());
            }
            return true;
        }
        if (now.isPresent() && !now.get().status().terminal()) {
            return true;
        }
        for (CompletableFuture<JobSnapshot> waiter : release(w)) {
            if (now.isPresent()) {
                waiter.complete(now.get());
            } else {
                waiter.completeExceptionally(new IllegalArgumentException("Job not found: " + w.id));
            }
        }
        return false;
    }

    private synchronized List<CompletableFuture<JobSnapshot>> release(Watched w) {
        if (watched.get(w.id) != w) {
            return List.of();
        }
        watched.remove(w.id);
        return List.copyOf(w.waiters);
    }

    /** Stops re-reading; waiters still waiting fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        timer.shutdownNow();
        List<CompletableFuture<JobSnapshot>> left = new ArrayList<>();
        synchronized (this) {
            watched.values().forEach(w -> left.addAll(w.waiters));
            watched.clear();
        }
        left.forEach(f -> f.completeExceptionally(new IllegalStateException("the gateway is shutting down")));
    }
}
