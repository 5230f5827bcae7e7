package com.verivus.dag.isolation;

/**
 * A failed assertion, in the shape {@code [policy.evidence].findings_required_fields} asks for.
 *
 * @param unitId the unit that was running (or about to run) when the gate failed
 */
public record Finding(String gateId, String unitId, String observed, String expected, String remediation) {

    public static Finding of(Gate gate, String unitId, String observed, String expected, String remediation) {
        return new Finding(gate.id(), unitId, observed, expected, remediation);
    }
}
