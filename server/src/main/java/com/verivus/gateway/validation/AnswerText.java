package com.verivus.gateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a reviewer's answer: its verdict and its risk lines. Reviewers are asked for the headings
 * Verdict, Rationale, Risks, Suggested next step; real CLIs write them as {@code Verdict: x},
 * {@code **Verdict:** x} or a {@code ## Verdict} heading with the value on the next line, so all
 * three are understood (the Node gateway only knew the first, and read the others as "answered").
 */
final class AnswerText {

    static final int VERDICT_MAX_CHARS = 240;
    static final int RISK_MAX_CHARS = 300;
    static final int MAX_RISKS = 5;

    private static final Pattern VERDICT_INLINE =
            Pattern.compile("^verdict\\s*(?:[:：]|\\s[-–—]\\s?)\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VERDICT_HEADING = Pattern.compile("^verdict\\s*:?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern RISK_INLINE =
            Pattern.compile("^(?:risk|risks|concern|concerns|caution|limitation|limitations)\\b.*\\S.*$",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern RISK_HEADING =
            Pattern.compile("^(?:risks?|concerns?|cautions?|limitations?)\\s*:?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_HEADING = Pattern.compile(
            "^(?:verdict|rationale|risks?|concerns?|suggested next steps?|next steps?|summary|recommendation"
                    + "|agreements?|disagreements?|confidence|limitations?)\\s*(?::.*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern KEY_CUT = Pattern.compile("[.!;:(]|\\s[-–—]\\s");

    private AnswerText() {
    }

    /** The verdict the answer states, or null when it states none. */
    static String verdict(String answer) {
        List<String> lines = answer.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = plain(lines.get(i));
            Matcher inline = VERDICT_INLINE.matcher(line);
            if (inline.matches() && !unwrap(inline.group(1)).isEmpty()) {
                return excerpt(unwrap(inline.group(1)), VERDICT_MAX_CHARS);
            }
            if (VERDICT_HEADING.matcher(line).matches() || inline.matches()) {
                for (int j = i + 1; j < lines.size(); j++) {
                    String next = unwrap(plain(lines.get(j)));
                    if (!next.isEmpty()) {
                        return excerpt(next, VERDICT_MAX_CHARS);
                    }
                }
            }
        }
        return null;
    }

    /**
     * What verdicts are compared by: lower case, without markdown, up to the first sentence break, so
     * that "Correct." and "**Correct** — the answer holds" agree while "correct" and "partially
     * correct" do not.
     */
    static String verdictKey(String verdict) {
        if (verdict == null) {
            return null;
        }
        String v = verdict.replace("*", "").replace("`", "").strip().toLowerCase(Locale.ROOT);
        Matcher cut = KEY_CUT.matcher(v);
        if (cut.find() && cut.start() > 0) {
            v = v.substring(0, cut.start());
        }
        v = v.replaceAll("[\\s,]+$", "").strip();
        return v.isEmpty() ? null : v;
    }

    /** Up to five risk lines: "Risks: ..." style lines, or the items under a Risks heading. */
    static List<String> risks(String answer) {
        List<String> risks = new ArrayList<>();
        List<String> lines = answer.lines().toList();
        for (int i = 0; i < lines.size() && risks.size() < MAX_RISKS; i++) {
            String line = plain(lines.get(i));
            if (RISK_HEADING.matcher(line).matches()) {
                for (int j = i + 1; j < lines.size() && risks.size() < MAX_RISKS; j++) {
                    String item = plain(lines.get(j));
                    if (item.isEmpty()) {
                        continue;
                    }
                    if (lines.get(j).stripLeading().startsWith("#") || ANY_HEADING.matcher(item).matches()) {
                        i = j - 1;
                        break;
                    }
                    risks.add(excerpt(item, RISK_MAX_CHARS));
                    i = j;
                }
            } else if (RISK_INLINE.matcher(line).matches()) {
                risks.add(excerpt(line, RISK_MAX_CHARS));
            }
        }
        return risks;
    }

    /** The line without leading markdown (quote, heading, list markers) and bold/italic markers. */
    static String plain(String line) {
        String s = line.strip();
        s = s.replaceFirst("^(?:[>#]+\\s*)+", "");
        s = s.replaceFirst("^(?:[-*+]\\s+|\\d+[.)]\\s+)", "");
        s = s.replace("**", "").replace("__", "");
        return s.strip();
    }

    private static String unwrap(String value) {
        return value.strip().replaceAll("^[*_`]+|[*_`]+$", "").strip();
    }

    /** The last {@code max} characters, starting with "..." when cut (errors say what matters at the end). */
    static String tailExcerpt(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int from = value.length() - (max - 3);
        if (Character.isLowSurrogate(value.charAt(from))) {
            from++;
        }
        return "..." + value.substring(from);
    }

    /** At most {@code max} characters, the last three "..." when cut; never splits a surrogate pair. */
    static String excerpt(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = max - 3;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "...";
    }
}
