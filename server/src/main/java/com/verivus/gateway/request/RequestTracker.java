package com.verivus.gateway.request;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.log.GatewayLog;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finishes requests when their jobs end — sync requests still waiting, sync requests that were
 * deferred, async requests, requests deduplicated onto a job — each once, through
 * {@link JobEngine#finished}: a job of this gateway, one already over, and one another gateway runs
 * on the shared store all end the same way.
 */
final class RequestTracker {

    private final JobEngine engine;
    private final RequestCompletion completion;
    private final Set<PendingRequest> unfinished = ConcurrentHashMap.newKeySet();

    RequestTracker(JobEngine engine, RequestCompletion completion) {
        this.engine = engine;
        this.completion = completion;
    }

    /** Registers the request on its job; returns the handle whose {@code done} completes once it is finished. */
    PendingRequest track(PreparedRequest request, RequestCompletion.Mode mode, String jobId) {
        PendingRequest pending = new PendingRequest(request, mode, jobId);
        unfinished.add(pending);
        engine.finished(jobId).whenComplete((job, failure) -> {
            if (failure != null) {
                // the job vanished or the gateway is shutting down: the recorder row stays 'started'
                GatewayLog.warn("Lost track of job " + jobId + ": " + failure.getMessage());
                unfinished.remove(pending);
                pending.done.completeExceptionally(failure);
            } else {
                finish(pending, engine.finalResult(job));
            }
        });
        return pending;
    }

    private void finish(PendingRequest pending, JobResult result) {
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
     * Waits until the requests of ended jobs are booked. A job's end is told on its own thread after
     * the engine counts it settled, so a shutdown waits here before the recorder and the session
     * store go away.
     *
     * @return false when some request was still unfinished at the timeout (its job did not end)
     */
    boolean awaitBooked(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (PendingRequest p : List.copyOf(unfinished)) {
            long remaining = deadline - System.nanoTime();
            try {
                p.done.get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return false;
            } catch (ExecutionException e) {
                // its job was lost track of: nothing will be booked
            }
        }
        return true;
    }
}
