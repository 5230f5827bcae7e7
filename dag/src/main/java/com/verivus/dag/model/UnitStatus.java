package com.verivus.dag.model;

import java.util.Locale;

/** {@code unit.status} from the ontology: pending | in_progress | done | blocked | deferred. */
public enum UnitStatus {
    PENDING, IN_PROGRESS, DONE, BLOCKED, DEFERRED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UnitStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
