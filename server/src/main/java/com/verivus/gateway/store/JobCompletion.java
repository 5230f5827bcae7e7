package com.verivus.gateway.store;

import java.time.Instant;
import java.util.Objects;

/** The final (or, for a canceled job, the latest) state of a finished job, as written to the store. */
public record JobCompletion(String id, JobStatus status, Integer exitCode, String stdout, String stderr,
                            boolean outputTruncated, String error, Instant finishedAt) {

    public JobCompletion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(finishedAt, "finishedAt");
        if (!status.terminal()) {
            throw new IllegalArgumentException("a completion needs a terminal status, not " + status.key());
        }
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }
}
