package com.verivus.gateway.doctor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from a URL before a diagnostic shows it: user info becomes {@code <redacted>},
 * and so does the value of every query parameter (and fragment {@code key=value} pair) whose key
 * names a credential. A string that is not a URL is cleaned by pattern instead.
 */
public final class UrlRedaction {

    public static final String REDACTED = "<redacted>";
    private static final String KEY = "auth|bearer|token|secret|credential|password|authorization|signature"
            + "|api[_-]?key|access[_-]?key|jwt|cookie|session";
    private static final Pattern SENSITIVE_KEY = Pattern.compile(KEY, Pattern.CASE_INSENSITIVE);
    private static final Pattern SENSITIVE_PAIR =
            Pattern.compile("((?:" + KEY + ")=)[^&\\s#]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern USERINFO = Pattern.compile("(https?://)[^/@\\s]+@", Pattern.CASE_INSENSITIVE);

    private UrlRedaction() {
    }

    /** The redacted URL, or null for null/empty input. */
    public static String redact(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            return fallback(raw);
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            return fallback(raw);
        }
        StringBuilder out = new StringBuilder(uri.getScheme()).append("://");
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            out.append(userInfo.contains(":") ? REDACTED + ":" + REDACTED : REDACTED).append('@');
            authority = authority.substring(at + 1);
        }
        out.append(authority);
        if (uri.getRawPath() != null) {
            out.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            out.append('?').append(redactQuery(uri.getRawQuery()));
        }
        if (uri.getRawFragment() != null) {
            out.append('#').append(SENSITIVE_PAIR.matcher(uri.getRawFragment()).replaceAll("$1" + quoted()));
        }
        return out.toString();
    }

    private static String redactQuery(String query) {
        List<String> parts = new ArrayList<>();
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            parts.add(SENSITIVE_KEY.matcher(key).find() ? key + "=" + REDACTED : pair);
        }
        return String.join("&", parts);
    }

    private static String fallback(String raw) {
        String s = USERINFO.matcher(raw).replaceAll("$1" + quoted() + "@");
        return SENSITIVE_PAIR.matcher(s).replaceAll("$1" + quoted());
    }

    private static String quoted() {
        return Matcher.quoteReplacement(REDACTED);
    }
}
