package com.verivus.dag.validate;

/**
 * STRICT applies the agent-assurance spec as written. COMPAT accepts the gateway README's own DAG
 * (schema_version 1.0.0, no closure_root, no {@code [computed]}): each of those departures becomes a
 * warning, and the missing {@code [computed]} is derived from the units rather than trusted.
 */
public enum ValidationMode {
    STRICT, COMPAT
}
