package com.verivus.gateway.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where a run's judge synthesis stands. {@code completed} and {@code failed} are reached because
 * the gateway waits for the judge job (the Node gateway only ever reported it running).
 */
public enum SynthesisStatus {
    NOT_REQUESTED, WAITING_FOR_PROVIDER_RESULTS, RUNNING, SKIPPED, COMPLETED, FAILED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(SynthesisStatus::key).toList();
    }

    /** The judge is yet to run or still running. */
    public boolean pending() {
        return this == WAITING_FOR_PROVIDER_RESULTS || this == RUNNING;
    }
}
