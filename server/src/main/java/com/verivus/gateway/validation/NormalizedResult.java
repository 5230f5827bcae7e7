package com.verivus.gateway.validation;

import com.verivus.gateway.provider.CliName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One provider's answer in a validation run, reduced to what a report compares.
 *
 * @param model what the provider's CLI reported for {@code --version} (validation jobs run each CLI's
 *              default model), or null
 * @param verdict the answer's "Verdict:" line, "answered" when it has none, "pending" while running,
 *                the job state when it did not complete, "not_run" when skipped
 * @param rationale the beginning of the answer (at most 1800 characters), or the error
 * @param risks up to five risk/concern lines of the answer, else the error
 * @param rawJobReference the job holding the full output; null when no job was started
 * @param warning e.g. a login that may make the job fail; null when none
 */
public record NormalizedResult(CliName provider, String model, ResultStatus status, String verdict, String rationale,
                               List<String> risks, RawJobReference rawJobReference, String error, String warning) {

    public NormalizedResult {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        risks = risks == null ? List.of() : List.copyOf(risks);
    }

    /** Still running, or claimed to be pending by whoever handed it in. */
    public boolean pending() {
        return status == ResultStatus.RUNNING || "pending".equals(verdict);
    }

    /**
     * This result with its job reference reporting {@code correlationId}: the id the run was recorded
     * under, which differs from the job's own when the job was reused through dedup. Unchanged without
     * a job reference or a correlation id.
     */
    public NormalizedResult correlatedAs(String correlationId) {
        if (rawJobReference == null || correlationId == null) {
            return this;
        }
        return new NormalizedResult(provider, model, status, verdict, rationale, risks,
                new RawJobReference(rawJobReference.jobId(), correlationId), error, warning);
    }

    public String jobId() {
        return rawJobReference == null ? null : rawJobReference.jobId();
    }

    /** The Node gateway's shape; {@code warning} only when there is one. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", provider.key());
        m.put("model", model);
        m.put("status", status.key());
        m.put("verdict", verdict);
        m.put("rationale", rationale);
        m.put("risks", new ArrayList<>(risks));
        m.put("rawJobReference", rawJobReference == null ? null : rawJobReference.toMap());
        m.put("error", error);
        if (warning != null) {
            m.put("warning", warning);
        }
        return m;
    }

    /**
     * Reads a result a client hands back (synthesize_validation), checking each field.
     *
     * @throws IllegalArgumentException naming the first field that is wrong
     */
    public static NormalizedResult fromMap(Map<?, ?> m, String where) {
        CliName provider = CliName.fromKey(text(m, "provider", where, false))
                .orElseThrow(() -> new IllegalArgumentException(where + ".provider: must be one of "
                        + String.join(", ", CliName.keys())));
        ResultStatus status = ResultStatus.fromKey(text(m, "status", where, false))
                .orElseThrow(() -> new IllegalArgumentException(where + ".status: must be one of "
                        + String.join(", ", ResultStatus.keys())));
        List<String> risks = new ArrayList<>();
        Object rawRisks = m.get("risks");
        if (rawRisks != null) {
            if (!(rawRisks instanceof List<?> list)) {
                throw new IllegalArgumentException(where + ".risks: expected an array of strings");
            }
            for (Object r : list) {
                if (!(r instanceof String s)) {
                    throw new IllegalArgumentException(where + ".risks: expected an array of strings");
                }
                risks.add(s);
            }
        }
        RawJobReference ref = null;
        Object rawRef = m.get("rawJobReference");
        if (rawRef != null) {
            if (!(rawRef instanceof Map<?, ?> r)) {
                throw new IllegalArgumentException(where + ".rawJobReference: expected an object or null");
            }
            String refWhere = where + ".rawJobReference";
            String jobId = text(r, "jobId", refWhere, false);
            String correlationId = text(r, "correlationId", refWhere, false);
            if (!RawJobReference.STATUS_TOOL.equals(r.get("statusTool"))) {
                throw new IllegalArgumentException(refWhere + ".statusTool: must be \"job_status\"");
            }
            if (!RawJobReference.RESULT_TOOL.equals(r.get("resultTool"))) {
                throw new IllegalArgumentException(refWhere + ".resultTool: must be \"job_result\"");
            }
            ref = new RawJobReference(jobId, correlationId);
        }
        return new NormalizedResult(provider, text(m, "model", where, true), status, text(m, "verdict", where, true),
                text(m, "rationale", where, true), risks, ref, text(m, "error", where, true),
                text(m, "warning", where, true));
    }

    private static String text(Map<?, ?> m, String key, String where, boolean optional) {
        Object v = m.get(key);
        if (v == null) {
            if (optional) {
                return null;
            }
            throw new IllegalArgumentException(where + "." + key + ": required");
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException(where + "." + key + ": expected a string");
        }
        return s;
    }
}
