package com.verivus.gateway.optimizer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File references in editor notation: "auth.ts on lines 3, 5 and 8" becomes {@code auth.ts:3,5,8},
 * "in the config.ts file at line 4" becomes {@code config.ts:4}, "server.js line ~120" becomes
 * {@code server.js:120}.
 */
final class FileReferences {

    /** Line numbers joined by commas, "and", or both; "~" (approximately) is dropped. */
    private static final String NUMBERS =
            "~?\\d++(?:(?:\\s*+,\\s*+(?:and\\s++)?|\\s++and\\s++)~?\\d++)*+";
    private static final Pattern DIGITS = Pattern.compile("\\d++");

    /**
     * A file token starts where a run of its characters starts (the look-behind), so a long run
     * full of word boundaries is scanned once, not once per boundary.
     */
    static final List<Rewrite> RULES = List.of(
            Rewrite.computed("(?:\\bin\\s++the\\s++)?(?<![\\w./-])([\\w./-]++)\\s++file\\s++(?:on|at)\\s++lines?\\s++("
                    + NUMBERS + ")",
                    m -> m.group(1) + ":" + numbers(m.group(2))),
            Rewrite.computed("(?:\\bin\\s++(?:the\\s++)?file\\s++)?(?<!\\S)(\\S++)\\s++(?:on|at)\\s++lines?\\s++("
                    + NUMBERS + ")", m -> m.group(1) + ":" + numbers(m.group(2))),
            Rewrite.of("(?<!\\S)(\\S++)\\s++line\\s++~?(\\d++)", "$1:$2"));

    private FileReferences() {
    }

    private static String numbers(String list) {
        Matcher m = DIGITS.matcher(list);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(m.group());
        }
        return out.toString();
    }
}
