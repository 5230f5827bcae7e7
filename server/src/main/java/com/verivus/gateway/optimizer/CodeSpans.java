package com.verivus.gateway.optimizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the code in a text — fenced blocks ({@code ```...```}; an unclosed fence runs to the end, as
 * in a reply cut off mid-block) and inline spans ({@code `...`}) — and swaps it for placeholders and
 * back. A placeholder is a private-use character absent from the text, the span's index, and the
 * same character again, so no rewrite rule can match across or inside it.
 */
final class CodeSpans {

    private static final String FENCE = "```";

    private final String text;
    private final String mark;
    private final Pattern placeholder;
    private final List<String> held = new ArrayList<>();

    private CodeSpans(String text, char mark) {
        this.text = text;
        this.mark = String.valueOf(mark);
        this.placeholder = Pattern.compile(Pattern.quote(this.mark) + "(\\d++)" + Pattern.quote(this.mark));
    }

    /** Code spans for the text; empty in the absurd case that it uses every private-use character. */
    static Optional<CodeSpans> of(String text) {
        int mark = unusedMark(text);
        return mark < 0 ? Optional.empty() : Optional.of(new CodeSpans(text, (char) mark));
    }

    /** The next code span at or after {@code from} as {start, end}, or null when there is none. */
    int[] next(int from) {
        int tick = text.indexOf('`', from);
        if (tick < 0) {
            return null;
        }
        if (text.startsWith(FENCE, tick)) {
            int close = text.indexOf(FENCE, tick + FENCE.length());
            return new int[] {tick, close < 0 ? text.length() : close + FENCE.length()};
        }
        int close = text.indexOf('`', tick + 1);
        if (close < 0) {
            return null; // a lone backtick is just a character
        }
        return new int[] {tick, close + 1};
    }

    /** Keeps the code and returns its placeholder. */
    String hold(String code) {
        held.add(code);
        return mark + (held.size() - 1) + mark;
    }

    /** Puts every held span back in place of its placeholder. */
    String restore(String rewritten) {
        Matcher m = placeholder.matcher(rewritten);
        return m.replaceAll(r -> Matcher.quoteReplacement(held.get(Integer.parseInt(r.group(1)))));
    }

    private static int unusedMark(String text) {
        java.util.BitSet used = new java.util.BitSet();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uE000' && c <= '\uF8FF') {
                used.set(c - '\uE000');
            }
        }
        int free = used.nextClearBit(0);
        return free > '\uF8FF' - '\uE000' ? -1 : '\uE000' + free;
    }
}
