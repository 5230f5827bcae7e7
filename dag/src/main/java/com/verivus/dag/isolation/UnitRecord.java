package com.verivus.dag.isolation;

import java.util.List;

/**
 * One unit's evidence, in the shape {@code [policy.evidence].per_unit_required_fields} asks for.
 *
 * @param status "completed" or "failed" (the evidence vocabulary, not the DAG's unit.status)
 * @param changed whether this run changed anything on disk for the unit (false on an idempotent re-run)
 * @param stdoutTail the last 20 lines of what the unit did or ran
 * @param verificationQuote verbatim evidence (for U05, the persistence block), or null
 */
public record UnitRecord(String unitId, String name, String status, boolean changed, List<String> artefactPaths,
                         List<String> stdoutTail, String verificationQuote) {

    public static final int TAIL_LINES = 20;

    public UnitRecord {
        artefactPaths = List.copyOf(artefactPaths);
        stdoutTail = List.copyOf(stdoutTail.subList(Math.max(0, stdoutTail.size() - TAIL_LINES), stdoutTail.size()));
    }
}
