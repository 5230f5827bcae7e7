package com.verivus.gateway.validation;

import com.verivus.gateway.json.NodeJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The prompts of a validation run (§10.8): one per intent for the reviewers, and one for the judge.
 * Reviewers are told to answer under fixed headings so that the normalizer can find their verdict.
 */
public final class ValidationPrompts {

    /** The judge sees at most this much of the original request; the reviewers' results follow it. */
    static final int JUDGE_SUBJECT_MAX_CHARS = 20_000;

    private static final List<String> HEADER = List.of(
            "You are one independent reviewer in a personal cross-LLM validation run.",
            "Return a concise answer with these headings: Verdict, Rationale, Risks, Suggested next step.",
            "Do not claim consensus; other model responses will be compared separately.");

    private ValidationPrompts() {
    }

    public static String reviewer(ValidationRequest request) {
        String focus = request.focus() == null || request.focus().isBlank()
                ? ValidationRequest.DEFAULT_FOCUS : request.focus();
        List<String> lines = new ArrayList<>();
        switch (request.intent()) {
            case ASK_MODEL -> {
                // the question goes to the provider as it is: ask_model is a plain question, not a review
                return request.subject();
            }
            case SECOND_OPINION -> {
                lines.addAll(HEADER);
                lines.add("Focus: " + focus);
                lines.add("");
                lines.add("Original question: " + (request.question() == null || request.question().isBlank()
                        ? "(not provided)" : request.question()));
                lines.add("");
                lines.add("Answer to review:");
                lines.add(nullToEmpty(request.content()));
            }
            case RED_TEAM -> {
                lines.addAll(HEADER);
                lines.add("Review intensity: " + (request.riskLevel() == null ? "normal" : request.riskLevel()));
                lines.add("Challenge assumptions, unsafe advice, unsupported claims, and likely failure modes.");
                lines.add("");
                lines.add(nullToEmpty(request.content()));
            }
            case CONSENSUS -> {
                lines.addAll(HEADER);
                lines.add("Assess whether the claim is true, false, uncertain, or context-dependent.");
                lines.add("");
                lines.add("Claim: " + request.subject());
            }
            case VALIDATE -> {
                lines.addAll(HEADER);
                lines.add("Focus: " + focus);
                lines.add("");
                lines.add(request.subject());
            }
        }
        return String.join("\n", lines);
    }

    /** The judge's prompt: the request and the completed results only, as JSON. */
    public static String judge(String subject, List<NormalizedResult> completed) {
        List<Object> results = new ArrayList<>();
        for (NormalizedResult r : completed) {
            results.add(r.toMap());
        }
        String request = subject.length() <= JUDGE_SUBJECT_MAX_CHARS ? subject
                : subject.substring(0, JUDGE_SUBJECT_MAX_CHARS - 3) + "...";
        return String.join("\n", List.of(
                "You are the explicit judge model for a personal cross-LLM validation run.",
                "Synthesize only from the provider results below. Preserve material disagreement.",
                "Return: Verdict, Summary, Agreements, Disagreements, Recommendation, Confidence, Limitations.",
                "",
                "Original request: " + request,
                "",
                "Provider results:",
                json(results)));
    }

    private static String json(Object value) {
        return NodeJson.pretty(value);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
