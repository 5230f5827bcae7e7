package com.verivus.gateway.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flags review requests that tie the reviewer's hands: a review, audit or security prompt sent with no
 * tools, with the reading tools forbidden, or telling the model not to use tools. Non-blocking: the
 * findings become warnings on the answer and points in the approval score.
 */
public final class ReviewIntegrity {

    private static final Pattern REVIEW_CONTEXT = Pattern.compile(
            "\\b(review|audit|analy[sz]e|analysis|inspect|assess|pentest|security|vulnerabilit(?:y|ies)"
                    + "|bug(?:s)?|defect(?:s)?|quality|code\\s+review)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOOL_SUPPRESSION = Pattern.compile(
            "\\b(do\\s*not|don't|never|without)\\b[\\s\\S]{0,80}\\b(tool(?:s)?|shell|bash|command(?:s)?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Tools a reviewer needs to read code; forbidding them in a review is suspicious. */
    static final Set<String> CRITICAL_TOOLS = Set.of("read", "grep", "glob", "bash");

    public static final String EMPTY_ALLOWED_TOOLS = "empty_allowed_tools";
    public static final String CRITICAL_TOOLS_DISALLOWED = "critical_tools_disallowed";
    public static final String TOOL_SUPPRESSION_TYPE = "tool_suppression";

    private ReviewIntegrity() {
    }

    public record Violation(String type, int score, String detail) {
    }

    public record Result(boolean isReviewContext, List<Violation> violations, int totalScore) {
        public Result {
            violations = List.copyOf(violations);
        }

        public boolean hasViolations() {
            return !violations.isEmpty();
        }
    }

    /**
     * @param allowedTools null when the request did not set the parameter (an empty list is a choice)
     * @param disallowedTools null or the forbidden tools
     */
    public static Result check(String prompt, List<String> allowedTools, List<String> disallowedTools) {
        boolean review = isReviewContext(prompt);
        List<Violation> violations = new ArrayList<>();
        if (review) {
            if (allowedTools != null && allowedTools.isEmpty()) {
                violations.add(new Violation(EMPTY_ALLOWED_TOOLS, 6,
                        "Review request with an empty allowedTools list: the reviewer cannot read anything"));
            }
            List<String> critical = criticalDisallowed(disallowedTools);
            if (!critical.isEmpty()) {
                violations.add(new Violation(CRITICAL_TOOLS_DISALLOWED, 6,
                        "Review request disallows tools a reviewer needs: " + String.join(", ", critical)));
            }
            if (prompt != null && TOOL_SUPPRESSION.matcher(prompt).find()) {
                violations.add(new Violation(TOOL_SUPPRESSION_TYPE, 4,
                        "Review prompt tells the model not to use tools, the shell or commands"));
            }
        }
        int total = violations.stream().mapToInt(Violation::score).sum();
        return new Result(review, violations, total);
    }

    public static boolean isReviewContext(String prompt) {
        return prompt != null && REVIEW_CONTEXT.matcher(prompt).find();
    }

    /** The disallowed tools that are critical, matched on the name before any "(" or ":" scope. */
    static List<String> criticalDisallowed(List<String> disallowedTools) {
        if (disallowedTools == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String tool : disallowedTools) {
            if (CRITICAL_TOOLS.contains(canonical(tool))) {
                out.add(tool);
            }
        }
        return out;
    }

    static String canonical(String tool) {
        String t = tool.trim();
        int cut = t.length();
        int paren = t.indexOf('(');
        int colon = t.indexOf(':');
        if (paren >= 0) {
            cut = Math.min(cut, paren);
        }
        if (colon >= 0) {
            cut = Math.min(cut, colon);
        }
        return t.substring(0, cut).trim().toLowerCase(Locale.ROOT);
    }

    /** The warning block appended to a text answer: "⚠️ Review Integrity Warnings (score: N):" and one line each. */
    public static String warningSuffix(Result result) {
        StringBuilder s = new StringBuilder("\n\n⚠️ Review Integrity Warnings (score: ").append(result.totalScore())
                .append("):");
        for (Violation v : result.violations()) {
            s.append("\n- [").append(v.type()).append("] ").append(v.detail());
        }
        return s.toString();
    }
}
