package com.verivus.gateway.validation;

import com.verivus.gateway.json.IsoTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report of a validation run (§10.8, schema {@code validation-report.v1}): per-model outputs,
 * disagreement kept visible, a recommendation, a confidence, limitations and the job ids, once as
 * data ({@link #structuredContent}) and once as text for a reader ({@link #humanReadable}).
 */
public record ValidationReport(String humanReadable, Map<String, Object> structuredContent, RunStatus status,
                               Disagreements disagreements, ValidationConfidence confidence) {

    public static final String SCHEMA_VERSION = "validation-report.v1";

    public static ValidationReport of(String validationId, Instant startedAt, ValidationRequest request,
                                      List<NormalizedResult> results, Synthesis synthesis) {
        RunStatus status = RunStatus.of(results, synthesis.status());
        Disagreements disagreements = Disagreements.of(results);
        ValidationConfidence confidence = ValidationConfidence.of(results, disagreements);
        List<Object> outputs = new ArrayList<>();
        List<String> jobIds = new ArrayList<>();
        for (NormalizedResult r : results) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("provider", r.provider().key());
            o.put("model", r.model());
            o.put("status", r.status().key());
            o.put("verdict", r.verdict());
            o.put("rationale", r.rationale());
            o.put("risks", new ArrayList<>(r.risks()));
            o.put("jobId", r.jobId());
            o.put("correlationId", r.rawJobReference() == null ? null : r.rawJobReference().correlationId());
            o.put("warning", r.warning());
            o.put("error", r.error());
            outputs.add(o);
            if (r.jobId() != null) {
                jobIds.add(r.jobId());
            }
        }
        if (synthesis.rawJobReference() != null) {
            jobIds.add(synthesis.rawJobReference().jobId());
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("validationId", validationId);
        content.put("status", status.key());
        content.put("startedAt", IsoTimestamps.format(startedAt));
        content.put("intent", request.intent().key());
        content.put("originalRequest", request.originalRequest());
        content.put("modelList", request.providerKeys());
        content.put("perModelOutputs", outputs);
        content.put("disagreements", disagreements.toMap());
        content.put("finalRecommendation", recommendation(results, disagreements));
        content.put("confidence", confidence.key());
        content.put("limitations", limitations(results, synthesis));
        content.put("jobIds", jobIds);
        content.put("synthesis", synthesis.toMap());
        String text = render(validationId, status, request, results, disagreements, confidence, synthesis,
                content);
        return new ValidationReport(text, content, status, disagreements, confidence);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemaVersion", SCHEMA_VERSION);
        m.put("humanReadable", humanReadable);
        m.put("structuredContent", structuredContent);
        return m;
    }

    private static String recommendation(List<NormalizedResult> results, Disagreements disagreements) {
        if (results.stream().noneMatch(Disagreements::answered)) {
            return results.stream().anyMatch(NormalizedResult::pending)
                    ? "Wait for at least one provider job to complete, then collect job_result before deciding."
                    : "No provider produced an answer; fix the failures listed above (install or log in to a CLI, "
                            + "or choose other models) and run the validation again.";
        }
        if (disagreements.hasMaterialDisagreement()) {
            return "Review the per-model outputs and resolve disagreements manually before acting.";
        }
        return "Completed provider outputs show no normalized verdict disagreement; review rationales and risks "
                + "before acting.";
    }

    private static List<String> limitations(List<NormalizedResult> results, Synthesis synthesis) {
        List<String> out = new ArrayList<>();
        if (results.stream().anyMatch(r -> r.status() == ResultStatus.RUNNING)) {
            out.add("Some provider jobs were still running when this report was made; poll job_status and collect "
                    + "job_result before treating it as final.");
        }
        if (results.stream().anyMatch(r -> r.status() != ResultStatus.COMPLETED)) {
            out.add("Only completed provider outputs are suitable as judge synthesis evidence.");
        }
        switch (synthesis.status()) {
            case WAITING_FOR_PROVIDER_RESULTS -> out.add("Judge synthesis has not run because provider results are "
                    + "still pending; call synthesize_validation with these results once the jobs finished.");
            case SKIPPED -> out.add("Judge synthesis skipped: " + synthesis.note());
            case FAILED -> out.add("Judge synthesis failed: " + synthesis.note());
            case RUNNING -> out.add("Judge synthesis is still running; collect it with job_result.");
            case NOT_REQUESTED -> out.add("No explicit judge synthesis was requested; use per-model outputs for the "
                    + "decision.");
            case COMPLETED -> {
            }
        }
        out.add("Answers are excerpted here (rationale up to " + ResultNormalizer.RATIONALE_MAX_CHARS
                + " characters); full outputs stay behind job_result references.");
        return out;
    }

    private static String render(String validationId, RunStatus status, ValidationRequest request,
                                 List<NormalizedResult> results, Disagreements disagreements,
                                 ValidationConfidence confidence, Synthesis synthesis, Map<String, Object> content) {
        List<String> lines = new ArrayList<>();
        lines.add("Validation report " + validationId);
        lines.add("Status: " + status.key());
        lines.add("Intent: " + request.intent().key());
        lines.add("Models: " + String.join(", ", request.providerKeys()));
        lines.add("");
        lines.add("Per-model outputs:");
        for (NormalizedResult r : results) {
            StringBuilder head = new StringBuilder("- ").append(r.provider().key()).append(": ")
                    .append(r.status().key());
            if (r.verdict() != null) {
                head.append(" verdict=").append(r.verdict());
            }
            if (r.jobId() != null) {
                head.append(" job=").append(r.jobId());
            }
            lines.add(head.toString());
            if (r.warning() != null) {
                lines.add("  Warning: " + r.warning());
            }
            if (r.status() == ResultStatus.COMPLETED && r.rationale() != null) {
                lines.add(indent(r.rationale()));
            } else if (r.error() != null) {
                lines.add("  Error: " + r.error().strip().replace("\n", "\n  "));
            }
        }
        lines.add("");
        lines.add("Disagreement: " + disagreements.summary());
        for (String signal : disagreements.signals()) {
            lines.add("- " + signal);
        }
        lines.add("Recommendation: " + content.get("finalRecommendation"));
        lines.add("Confidence: " + confidence.key());
        if (synthesis.status() != SynthesisStatus.NOT_REQUESTED) {
            lines.add("");
            lines.add(synthesis.describe());
        }
        lines.add("");
        lines.add("Limitations:");
        @SuppressWarnings("unchecked")
        List<String> limitations = (List<String>) content.get("limitations");
        for (String limitation : limitations) {
            lines.add("- " + limitation);
        }
        return String.join("\n", lines);
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }
}
