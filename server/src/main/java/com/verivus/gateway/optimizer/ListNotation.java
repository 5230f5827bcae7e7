package com.verivus.gateway.optimizer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-level rules: runs of two or more numbered items become {@code Tasks: a → b → c}, runs of two or
 * more dash bullets become {@code a → b}, "Change X to Y" becomes {@code X → Y}, "X should be a Y"
 * becomes {@code X: Y}, and a short plain line joins its first "and" with a slash.
 */
final class ListNotation {

    private static final Pattern NUMBERED = Pattern.compile("^\\s*+\\d++\\.\\s++");
    private static final Pattern BULLET = Pattern.compile("^\\s*+-\\s++");
    private static final List<Rewrite> ITEM_PREFIXES = List.of(
            Rewrite.of("^(?:First|Then|After that|Finally),?\\s*+", ""),
            Rewrite.of("^you should\\s*+", ""),
            Rewrite.of("^Please\\b\\s*+", ""),
            Rewrite.of("[.:;]++$", ""));
    private static final List<Rewrite> ARROWS = List.of(
            Rewrite.of("\\b(?:Change|Convert)\\s++(?:the\\s++)?([A-Za-z][\\w-]*+)\\s++to\\s++(?:an?\\s++)?"
                    + "([A-Za-z][\\w-]*+)([.!?]|$)", "$1 → $2$3"),
            Rewrite.of("\\b(\\w++)\\s++should\\s++be\\s++an?\\s++(\\w++)", "$1: $2"));
    private static final Pattern SHORT_PLAIN_LINE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\s/&-]++");
    private static final Pattern FIRST_AND = Pattern.compile("\\s++and\\s++");

    private ListNotation() {
    }

    static String apply(String text) {
        String[] lines = text.split("\n", -1);
        Matcher numbered = NUMBERED.matcher("");
        Matcher bullet = BULLET.matcher("");
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            if (line.isBlank()) {
                out.append(line);
                continue;
            }
            int run = run(lines, i, numbered);
            if (run > 1) {
                out.append(notation("Tasks: " + joinItems(lines, i, run, numbered)));
                i += run - 1;
                continue;
            }
            run = run(lines, i, bullet);
            if (run > 1) {
                out.append(notation(joinItems(lines, i, run, bullet)));
                i += run - 1;
                continue;
            }
            out.append(notation(line));
        }
        return out.toString();
    }

    private static String notation(String line) {
        for (Rewrite arrow : ARROWS) {
            line = arrow.apply(line);
        }
        return slash(line);
    }

    /** How many consecutive lines from {@code start} match the item marker. */
    private static int run(String[] lines, int start, Matcher marker) {
        int n = 0;
        while (start + n < lines.length && marker.reset(lines[start + n]).lookingAt()) {
            n++;
        }
        return n;
    }

    private static String joinItems(String[] lines, int start, int count, Matcher marker) {
        StringBuilder items = new StringBuilder();
        for (int i = start; i < start + count; i++) {
            marker.reset(lines[i]).lookingAt();
            String item = lines[i].substring(marker.end()).strip();
            for (Rewrite prefix : ITEM_PREFIXES) {
                item = prefix.apply(item);
            }
            if (i > start) {
                items.append(" → ");
            }
            items.append(item);
        }
        return items.toString();
    }

    /** "Tests and docs" -> "Tests/docs", only for short lines of plain words. */
    private static String slash(String line) {
        String trimmed = line.strip();
        if (trimmed.length() < 50 && SHORT_PLAIN_LINE.matcher(trimmed).matches()) {
            return FIRST_AND.matcher(line).replaceFirst("/");
        }
        return line;
    }
}
