package com.verivus.dag.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics in the order the rules emit them. */
public final class Diagnostics {

    private final ValidationMode mode;
    private final List<Diagnostic> all = new ArrayList<>();

    public Diagnostics(ValidationMode mode) {
        this.mode = mode;
    }

    public void error(String message) {
        all.add(new Diagnostic(Severity.ERROR, message));
    }

    public void warn(String message) {
        all.add(new Diagnostic(Severity.WARNING, message));
    }

    /**
     * A known departure of the gateway README's DAG from the spec: an error in strict mode, a warning
     * (with the note that compat mode accepted it) in compat mode.
     */
    public void departure(String message) {
        if (mode == ValidationMode.STRICT) {
            error(message);
        } else {
            warn(message + " (accepted in compat mode)");
        }
    }

    public ValidationMode mode() {
        return mode;
    }

    public List<Diagnostic> all() {
        return List.copyOf(all);
    }
}
