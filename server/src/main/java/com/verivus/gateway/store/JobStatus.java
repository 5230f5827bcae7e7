package com.verivus.gateway.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The states of a job, spelled as the Node gateway stores them. Only RUNNING is not terminal. */
public enum JobStatus {
    RUNNING, COMPLETED, FAILED, CANCELED, ORPHANED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this != RUNNING;
    }

    /** Running and completed jobs may be reused by dedup; failed, canceled and orphaned never. */
    public boolean reusable() {
        return this == RUNNING || this == COMPLETED;
    }

    public static Optional<JobStatus> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
