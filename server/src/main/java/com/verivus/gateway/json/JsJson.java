package com.verivus.gateway.json;

import java.util.List;

/**
 * The few JSON texts that must be byte-identical to what JavaScript's JSON.stringify writes (the
 * dedup key and args_json): strings escaped exactly as JS does ({@code \" \\ \b \f \n \r \t}, other
 * control characters as a lower-case backslash-u00XX escape, lone surrogates as a lower-case
 * backslash-uDXXX escape, everything else including non-ASCII written as is).
 */
public final class JsJson {

    private JsJson() {
    }

    public static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendString(out, s);
        return out.toString();
    }

    public static String stringArray(List<String> values) {
        StringBuilder out = new StringBuilder();
        appendStringArray(out, values);
        return out.toString();
    }

    public static void appendStringArray(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            appendString(out, values.get(i));
        }
        out.append(']');
    }

    public static void appendString(StringBuilder out, String s) {
        out.append('"');
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(c).append(s.charAt(++i));
                        } else {
                            unicodeEscape(out, c);
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        String hex = Integer.toHexString(c);
        out.append("\\u");
        for (int pad = hex.length(); pad < 4; pad++) {
            out.append('0');
        }
        out.append(hex);
    }
}
