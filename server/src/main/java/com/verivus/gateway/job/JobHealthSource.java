package com.verivus.gateway.job;

/**
 * Where {@code llm_process_health} and {@code GET /process-health} get the state of running jobs:
 * a {@link JobHealthSampler} on the gateway's engine. Sampled afresh on every call.
 */
@FunctionalInterface
public interface JobHealthSource {

    /** A gateway without a job engine (backend none, or no store opened) runs no jobs. */
    JobHealthSource NONE = () -> JobHealthReport.EMPTY;

    JobHealthReport health();
}
