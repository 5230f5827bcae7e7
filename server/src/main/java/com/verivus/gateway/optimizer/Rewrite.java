package com.verivus.gateway.optimizer;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One regex rewrite rule. Patterns are written so that no quantified part can backtrack over an
 * unbounded stretch (possessive or bounded quantifiers), which keeps every rule linear in the input.
 */
record Rewrite(Pattern pattern, Function<MatchResult, String> replacement) {

    static final int FLAGS = Pattern.CASE_INSENSITIVE;

    /** A case-insensitive rule with a fixed replacement ({@code $1} refers to groups). */
    static Rewrite of(String regex, String replacement) {
        return new Rewrite(Pattern.compile(regex, FLAGS), m -> expand(m, replacement));
    }

    /** A case-insensitive rule whose replacement is computed from the match. */
    static Rewrite computed(String regex, Function<MatchResult, String> replacement) {
        return new Rewrite(Pattern.compile(regex, FLAGS), replacement);
    }

    String apply(String text) {
        Matcher m = pattern.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(replacement.apply(r)));
    }

    private static String expand(MatchResult m, String template) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                String group = m.group(template.charAt(++i) - '0');
                out.append(group == null ? "" : group);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
