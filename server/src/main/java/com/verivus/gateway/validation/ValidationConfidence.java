package com.verivus.gateway.validation;

import java.util.List;
import java.util.Locale;

/**
 * How far a validation report can be trusted (§10.8): none without a completed answer, low when
 * anything disagrees or is unresolved, medium on a single answer, high when several agree.
 */
public enum ValidationConfidence {
    NONE, LOW, MEDIUM, HIGH;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ValidationConfidence of(List<NormalizedResult> results, Disagreements disagreements) {
        long answered = results.stream().filter(Disagreements::answered).count();
        if (answered == 0) {
            return NONE;
        }
        if (disagreements.hasMaterialDisagreement()) {
            return LOW;
        }
        return answered == 1 ? MEDIUM : HIGH;
    }
}
