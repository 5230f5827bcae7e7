package com.verivus.gateway.request;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobListener;
import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.job.JobSnapshot;
import com.verivus.gateway.log.GatewayLog;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finishes requests when their jobs end: the engine tells it (as a {@link JobListener}) once per job,
 * and it finishes every request waiting for that job — sync requests still waiting, sync requests
 * that were deferred, async requests, and requests deduplicated onto the job. A request whose job has
 * already ended when it is tracked (a fast failure, a reused completed job) is finished at once; a job
 * this gateway does not run (reused from another gateway sharing the store) is watched through the store.
 */
final class RequestTracker implements JobListener {

    /** How long a job of another gateway is watched for its end. */
    private static final Duration FOREIGN_WATCH = Duration.ofDays(1);

    private final JobEngine engine;
    private final RequestCompletion completion;
    private final ConcurrentHashMap<String, List<PendingRequest>> byJob = new ConcurrentHashMap<>();
    private final java.util.Set<PendingRequest> unfinished = ConcurrentHashMap.newKeySet();

    RequestTracker(JobEngine engine, RequestCompletion completion) {
        this.engine = engine;
        this.completion = completion;
    }

    /** Registers the request on its job; returns the handle whose {@code done} completes once it is finished. */
    PendingRequest track(PreparedRequest request, RequestCompletion.Mode mode, String jobId) {
        PendingRequest pending = new PendingRequest(request, mode, jobId);
        unfinished.add(pending);
        byJob.computeIfAbsent(jobId, id -> new CopyOnWriteArrayList<>()).add(pending);
        Optional<CompletableFuture<JobResult>> settlement = engine.completion(jobId);
        if (settlement.isPresent()) {
            CompletableFuture<JobResult> f = settlement.get();
            if (f.isDone()) {
                // settled before we registered: the listener may have run without us
                forget(pending);
                finish(pending, f.join());
            }
            return pending;
        }
        forget(pending);
        Optional<JobSnapshot> snapshot = engine.snapshot(jobId);
        if (snapshot.isPresent() && snapshot.get().status().terminal()) {
            engine.result(jobId, Integer.MAX_VALUE).ifPresent(r -> finish(pending, r));
        } else {
            Thread.ofVirtual().name("watch-job-" + jobId).start(() -> watchForeign(pending));
        }
        return pending;
    }

    @Override
    public void onJobFinished(JobResult result) {
        List<PendingRequest> waiting = byJob.remove(result.snapshot().id());
        if (waiting != null) {
            waiting.forEach(p -> finish(p, result));
        }
    }

    private void forget(PendingRequest pending) {
        byJob.computeIfPresent(pending.jobId, (id, list) -> {
            list.remove(pending);
            return list.isEmpty() ? null : list;
        });
    }

    private void watchForeign(PendingRequest pending) {
        try {
            if (engine.awaitTerminal(pending.jobId, FOREIGN_WATCH).isPresent()) {
                engine.result(pending.jobId, Integer.MAX_VALUE).ifPresent(r -> finish(pending, r));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            GatewayLog.warn("Lost track of job " + pending.jobId + ": " + e.getMessage());
        }
    }

    private void finish(PendingRequest pending, JobResult result) {
        if (!pending.claim()) {
            return;
        }
        RunOutcome outcome = RunOutcome.of(result);
        try {
            completion.finished(pending.request, outcome, pending.mode);
        } catch (RuntimeException e) {
            GatewayLog.error("finishing request " + pending.request.correlationId() + " failed", e);
        } finally {
            pending.done.complete(outcome);
            unfinished.remove(pending);
        }
    }

    /**
     * Waits until the requests of ended jobs are booked. The engine signals a job's end before it calls
     * its listeners, so a shutdown waits here before the recorder and the session store go away.
     *
     * @return false when some request was still unfinished at the timeout (its job did not end)
     */
    boolean awaitBooked(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (PendingRequest p : List.copyOf(unfinished)) {
            long remaining = deadline - System.nanoTime();
            try {
                p.done.get(Math.max(0, remaining), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return false;
            } catch (java.util.concurrent.ExecutionException e) {
                // finish() never completes exceptionally; nothing to wait for
            }
        }
        return true;
    }
}
