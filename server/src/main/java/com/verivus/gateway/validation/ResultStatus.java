package com.verivus.gateway.validation;

import com.verivus.gateway.store.JobStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The state of one provider in a validation run: its job's state, or skipped when no job was started. */
public enum ResultStatus {
    RUNNING, COMPLETED, FAILED, CANCELED, ORPHANED, SKIPPED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResultStatus of(JobStatus status) {
        return switch (status) {
            case RUNNING -> RUNNING;
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case CANCELED -> CANCELED;
            case ORPHANED -> ORPHANED;
        };
    }

    public static Optional<ResultStatus> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ResultStatus::key).toList();
    }

    /** Failed, canceled, orphaned or skipped: the provider gave no usable answer. */
    public boolean isProblem() {
        return this == FAILED || this == CANCELED || this == ORPHANED || this == SKIPPED;
    }
}
