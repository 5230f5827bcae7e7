package com.verivus.gateway.validation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A validation run as a whole: not_started when no provider job was started, running (partial when
 * some providers were skipped) while a provider or the judge is pending, completed when every
 * started job has finished.
 */
public enum RunStatus {
    NOT_STARTED, PARTIAL, RUNNING, COMPLETED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(RunStatus::key).toList();
    }

    public static RunStatus of(List<NormalizedResult> results, SynthesisStatus synthesis) {
        boolean dispatched = results.stream().anyMatch(r -> r.status() != ResultStatus.SKIPPED);
        if (!dispatched) {
            return NOT_STARTED;
        }
        boolean pending = results.stream().anyMatch(r -> r.status() == ResultStatus.RUNNING) || synthesis.pending();
        if (!pending) {
            return COMPLETED;
        }
        return results.stream().anyMatch(r -> r.status() == ResultStatus.SKIPPED) ? PARTIAL : RUNNING;
    }
}
