package com.verivus.gateway.job;

/**
 * Told once per job, when it has reached its final state: the process is gone, the output complete
 * and persisted, the temp files deleted. Called for every terminal status, canceled included —
 * metrics that must not count canceled jobs check {@code result.snapshot().status()}. Runs on a
 * virtual thread of the job; an exception is logged and does not affect other listeners. Jobs
 * reused by dedup and jobs of other gateways are not reported.
 */
@FunctionalInterface
public interface JobListener {

    /** @param result the untruncated final output */
    void onJobFinished(JobResult result);
}
