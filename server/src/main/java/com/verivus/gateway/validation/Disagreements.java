package com.verivus.gateway.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the providers of a run disagree in a way that matters (§10.8): completed answers with
 * different verdicts, any provider that failed, was canceled, orphaned or skipped, any that is still
 * pending, and — beyond the Node gateway — any that completed without printing anything (saying
 * nothing is not agreeing).
 */
public record Disagreements(boolean hasMaterialDisagreement, String summary, List<String> signals) {

    public Disagreements {
        signals = List.copyOf(signals);
    }

    /** Completed with an answer. */
    static boolean answered(NormalizedResult r) {
        return r.status() == ResultStatus.COMPLETED && r.verdict() != null;
    }

    public static Disagreements of(List<NormalizedResult> results) {
        Map<String, List<String>> byVerdict = new LinkedHashMap<>();
        List<String> signals = new ArrayList<>();
        List<String> trailing = new ArrayList<>();
        boolean problem = false;
        for (NormalizedResult r : results) {
            String who = r.provider().key();
            if (answered(r)) {
                byVerdict.computeIfAbsent(AnswerText.verdictKey(r.verdict()), k -> new ArrayList<>()).add(who);
            } else if (r.status() == ResultStatus.COMPLETED) {
                trailing.add(who + " completed but printed nothing.");
                problem = true;
            } else if (r.status().isProblem()) {
                trailing.add(who + " is " + r.status().key() + ".");
                problem = true;
            }
            if (r.pending()) {
                trailing.add(who + " is still pending.");
                problem = true;
            }
        }
        if (byVerdict.size() > 1) {
            List<String> parts = new ArrayList<>();
            byVerdict.forEach((verdict, who) -> parts.add("\"" + verdict + "\" (" + String.join(", ", who) + ")"));
            signals.add("Completed providers returned " + byVerdict.size() + " different verdicts: "
                    + String.join(" vs ", parts) + ".");
        }
        signals.addAll(trailing);
        boolean material = byVerdict.size() > 1 || problem;
        String summary = material
                ? "Do not treat this validation as consensus; inspect the per-model outputs and unresolved states."
                : !byVerdict.isEmpty()
                        ? "Completed providers do not show material verdict disagreement in the normalized report."
                        : "No completed provider outputs are available yet.";
        return new Disagreements(material, summary, signals);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hasMaterialDisagreement", hasMaterialDisagreement);
        m.put("summary", summary);
        m.put("signals", new ArrayList<>(signals));
        return m;
    }
}
