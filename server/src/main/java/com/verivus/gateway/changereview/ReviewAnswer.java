package com.verivus.gateway.changereview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reviewer (or the judge) answered, read from the output contract the prompts set: a
 * {@code Verdict:} line, an optional {@code Agreement:} line (judge), and finding lines of the form
 * {@code - [severity] path:line - text}. Lines that do not follow the contract are not findings; the
 * full output stays in the job.
 *
 * @param verdict    approve, request_changes or comment, as stated; null when there is no verdict line
 * @param agreement  the judge's agree / partial / disagree, else null
 * @param findings   the finding lines under "Findings:" (or "Merged findings:")
 * @param disagreements the judge's lines under "Disagreements:"
 */
public record ReviewAnswer(String verdict, String agreement, List<Finding> findings, List<String> disagreements) {

    public static final List<String> VERDICTS = List.of("approve", "request_changes", "comment");
    public static final List<String> AGREEMENTS = List.of("agree", "partial", "disagree");

    private static final Pattern KEY = Pattern.compile("^\\W*(verdict|agreement)\\W*:\\W*([a-z_ -]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION = Pattern.compile("^\\W*(merged findings|findings|disagreements)\\W*:?\\W*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FINDING = Pattern.compile(
            "^\\s*[-*]\\s*\\[(critical|high|medium|low|info)]\\s*(?:(\\S+?):(\\d+)\\b\\s*)?[-:\u2014]*\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*]\\s+(.+)$");

    public ReviewAnswer {
        findings = List.copyOf(findings);
        disagreements = List.copyOf(disagreements);
    }

    public static ReviewAnswer parse(String output) {
        String verdict = null;
        String agreement = null;
        List<Finding> findings = new ArrayList<>();
        List<String> disagreements = new ArrayList<>();
        String section = "";
        for (String line : output.lines().toList()) {
            Matcher key = KEY.matcher(line);
            if (key.find()) {
                String value = key.group(2).strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
                if (key.group(1).equalsIgnoreCase("verdict") && verdict == null) {
                    verdict = first(value, VERDICTS);
                } else if (key.group(1).equalsIgnoreCase("agreement") && agreement == null) {
                    agreement = first(value, AGREEMENTS);
                }
                continue;
            }
            Matcher sec = SECTION.matcher(line);
            if (sec.matches()) {
                section = sec.group(1).toLowerCase(Locale.ROOT);
                continue;
            }
            Matcher f = FINDING.matcher(line);
            if (f.matches() && !section.equals("disagreements")) {
                Integer lineNo = f.group(3) == null ? null : Integer.valueOf(f.group(3));
                findings.add(new Finding(f.group(1), f.group(2), lineNo, f.group(4).strip()));
                continue;
            }
            Matcher b = BULLET.matcher(line);
            if (b.matches() && section.equals("disagreements")) {
                disagreements.add(b.group(1).strip());
            }
        }
        return new ReviewAnswer(verdict, agreement, findings, disagreements);
    }

    private static String first(String value, List<String> allowed) {
        for (String a : allowed) {
            if (value.startsWith(a)) {
                return a;
            }
        }
        return null;
    }
}
