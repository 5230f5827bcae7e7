package com.verivus.dag.isolation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The evidence of one run: a record per unit that ran, a finding per failed assertion, every gate's
 * verdict, and the units that did not run and why.
 *
 * @param gates gate id to "passed", "failed" or "not_evaluated", in evaluation order
 * @param problems reasons the run could not start at all (an invalid or unmappable DAG), else empty
 */
public record RunReport(String dag, String dagTitle, String repo, boolean dryRun, Instant startedAt,
                        Instant finishedAt, List<UnitRecord> units, List<Finding> findings, Map<String, String> gates,
                        List<NotRun> notRun, List<String> problems) {

    /** A unit the run did not reach. */
    public record NotRun(String unitId, String name, String reason) {
    }

    public RunReport {
        units = List.copyOf(units);
        findings = List.copyOf(findings);
        gates = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(gates));
        notRun = List.copyOf(notRun);
        problems = List.copyOf(problems);
    }

    public boolean success() {
        return problems.isEmpty() && findings.isEmpty() && units.stream().allMatch(u -> u.status().equals("completed"));
    }

    public int exitCode() {
        return success() ? 0 : 1;
    }
}
