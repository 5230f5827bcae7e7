package com.verivus.gateway.doctor;

import java.util.regex.Pattern;

/**
 * Removes personal and secret material from CLI output before the doctor (or cli_versions) shows
 * it: e-mail addresses, UUIDs (account and org ids), and token-like values: {@code key=value} /
 * {@code "key": "value"} pairs whose key names a secret, bearer credentials, JWTs and API keys with
 * well-known prefixes.
 */
public final class OutputSanitizer {

    private static final Pattern EMAIL =
            Pattern.compile("[A-Z0-9._%+-]+@[A-Z0-9.-]+\\.[A-Z]{2,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "((?:token|secret|credential|password|passwd|authorization|api[_-]?key|access[_-]?key)s?"
                    + "[\"']?\\s*[=:]\\s*[\"']?)(?!<redacted|Bearer\\s)[^\\s\"',;}]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("(\\bBearer\\s+)(?!<redacted)[A-Za-z0-9._~+/=-]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern PREFIXED_KEY = Pattern.compile(
            "\\b(?:sk|pk|rk|xai|ghp|gho|ghs|github_pat|glpat|AIza|ya29)[-_.]?[A-Za-z0-9_-]{16,}");

    private OutputSanitizer() {
    }

    public static String sanitize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = EMAIL.matcher(text).replaceAll("<redacted-email>");
        s = UUID.matcher(s).replaceAll("<redacted-id>");
        s = JWT.matcher(s).replaceAll("<redacted>");
        s = BEARER.matcher(s).replaceAll("$1<redacted>");
        s = SECRET_PAIR.matcher(s).replaceAll("$1<redacted>");
        s = PREFIXED_KEY.matcher(s).replaceAll("<redacted>");
        return s.strip();
    }

    /** The first non-blank line of the sanitized text, or null. */
    public static String firstLine(String text) {
        return sanitize(text).lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(null);
    }

    /** The sanitized text cut to {@code max} characters (with an ellipsis when cut). */
    public static String excerpt(String text, int max) {
        String s = sanitize(text);
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
