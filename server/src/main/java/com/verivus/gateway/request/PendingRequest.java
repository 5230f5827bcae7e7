package com.verivus.gateway.request;

import java.util.concurrent.CompletableFuture;

/** A request waiting for its job. Several requests may wait for one job (dedup); each is finished once. */
final class PendingRequest {

    final PreparedRequest request;
    final RequestCompletion.Mode mode;
    final String jobId;
    /**
     * Completes after the request's bookkeeping is done, with how the run ended; fails when the job was
     * lost track of (it vanished from the store, or the gateway is shutting down) and nothing is booked.
     */
    final CompletableFuture<RunOutcome> done = new CompletableFuture<>();

    PendingRequest(PreparedRequest request, RequestCompletion.Mode mode, String jobId) {
        this.request = request;
        this.mode = mode;
        this.jobId = jobId;
    }
}
