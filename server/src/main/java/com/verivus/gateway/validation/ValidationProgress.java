package com.verivus.gateway.validation;

/** Told each time a provider (or the judge) of a run finishes, while the run waits for them. */
@FunctionalInterface
public interface ValidationProgress {

    ValidationProgress NONE = (done, total, message) -> {
    };

    /**
     * @param done jobs finished so far (only grows within one run)
     * @param total jobs the run waits for
     */
    void report(int done, int total, String message);
}
