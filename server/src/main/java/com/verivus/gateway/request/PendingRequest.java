package com.verivus.gateway.request;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request waiting for its job. Several requests may wait for one job (dedup); each is finished
 * exactly once, by whichever thread sees the job's end first.
 */
final class PendingRequest {

    final PreparedRequest request;
    final RequestCompletion.Mode mode;
    final String jobId;
    /** Completes after the request's bookkeeping is done, with how the run ended. */
    final CompletableFuture<RunOutcome> done = new CompletableFuture<>();
    private final AtomicBoolean claimed = new AtomicBoolean();

    PendingRequest(PreparedRequest request, RequestCompletion.Mode mode, String jobId) {
        this.request = request;
        this.mode = mode;
        this.jobId = jobId;
    }

    /** True for the one caller that may finish this request. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }
}
