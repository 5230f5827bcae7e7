package com.verivus.gateway.doctor;

import java.util.List;
import java.util.Map;

/**
 * The doctor's findings: {@link #json()} is the {@code doctor --json} document (schema_version
 * "1.0", described by {@code llm-cli-gateway/doctor-report.schema.json}); {@link #checks()} are the
 * same findings as lines for a person.
 *
 * @param ok false when something blocks: HTTP transport with auth required and no token, or an
 *           invalid {@code [persistence]} configuration
 */
public record DoctorReport(Map<String, Object> json, boolean ok, List<DoctorCheck> checks, List<String> nextActions) {

    public static final String SCHEMA_RESOURCE = "/llm-cli-gateway/doctor-report.schema.json";

    public DoctorReport {
        checks = List.copyOf(checks);
        nextActions = List.copyOf(nextActions);
    }

    /** The lines of the plain output: one per check, then the next actions. */
    public String plainText() {
        StringBuilder out = new StringBuilder();
        for (DoctorCheck c : checks) {
            out.append(c.mark().symbol()).append(' ').append(c.subject()).append(": ").append(c.finding()).append('\n');
        }
        out.append('\n').append(ok ? "Nothing blocks the gateway." : "Something blocks the gateway (✗ above).")
                .append('\n').append("Next actions:\n");
        int i = 1;
        for (String action : nextActions) {
            out.append("  ").append(i++).append(". ").append(action).append('\n');
        }
        return out.toString();
    }
}
