package com.verivus.gateway.optimizer;

import com.verivus.gateway.log.GatewayLog;
import java.util.regex.Pattern;

/**
 * The opt-in text optimiser ({@code optimizePrompt} / {@code optimizeResponse} on the request tools):
 * shortens prose by dropping courtesy phrases and filler, compacting type descriptions, file
 * references and lists into terse notation, and collapsing whitespace. Code is never touched: fenced
 * blocks and inline code pass through byte for byte.
 *
 * <p>Every rule runs in time linear in the input (bounded or possessive quantifiers only), so a
 * hostile 100 KB prompt cannot stall a request.
 */
public final class PromptOptimizer {

    /** What is being optimised: a response also loses its summary phrases ("In conclusion", "Overall"). */
    public enum Mode {
        PROMPT, RESPONSE
    }

    private static final Pattern BLANKS = Pattern.compile("[ \\t]++");
    private static final Pattern MANY_NEWLINES = Pattern.compile("\\n{3,}+");

    private PromptOptimizer() {
    }

    /** The optimised prompt; the estimated token counts before and after are logged. */
    public static String optimizePrompt(String prompt) {
        return optimizeLogged(prompt, Mode.PROMPT, "Prompt");
    }

    /** The optimised response; the estimated token counts before and after are logged. */
    public static String optimizeResponse(String response) {
        return optimizeLogged(response, Mode.RESPONSE, "Response");
    }

    private static String optimizeLogged(String text, Mode mode, String what) {
        String optimized = optimize(text, mode);
        GatewayLog.info(what + " optimized: " + estimateTokens(text) + " → " + estimateTokens(optimized)
                + " estimated tokens");
        return optimized;
    }

    /**
     * The rewrite alone, without logging. Blank text is returned as is.
     *
     * <p>Word-level rules run on each stretch of prose between code spans. Line-level rules (lists,
     * arrows, slashes) and whitespace collapsing then run on the whole text with every code span
     * replaced by a placeholder, so they see real lines, and code keeps its exact bytes.
     */
    public static String optimize(String text, Mode mode) {
        if (text == null || text.isBlank()) {
            return text;
        }
        CodeSpans spans = CodeSpans.of(text).orElse(null);
        if (spans == null) {
            GatewayLog.debug("optimizer: no free placeholder character; text left as is");
            return text;
        }
        StringBuilder prose = new StringBuilder(text.length());
        int pos = 0;
        while (pos < text.length()) {
            int[] span = spans.next(pos);
            if (span == null) {
                prose.append(ProseRewrites.apply(text.substring(pos), mode));
                break;
            }
            prose.append(ProseRewrites.apply(text.substring(pos, span[0]), mode));
            prose.append(spans.hold(text.substring(span[0], span[1])));
            pos = span[1];
        }
        String lines = ListNotation.apply(prose.toString());
        lines = BLANKS.matcher(lines).replaceAll(" ");
        lines = MANY_NEWLINES.matcher(lines).replaceAll("\n\n");
        return spans.restore(lines).stripTrailing();
    }

    /**
     * A rough token count: {@code ceil(words × 1.3)}, words being runs of non-whitespace; 0 for blank
     * text. Only used to report how much an optimisation saved.
     */
    public static int estimateTokens(String text) {
        if (text == null) {
            return 0;
        }
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return (int) Math.ceil(words * 1.3);
    }
}
