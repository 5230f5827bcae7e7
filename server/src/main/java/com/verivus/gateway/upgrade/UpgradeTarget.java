package com.verivus.gateway.upgrade;

import java.util.regex.Pattern;

/**
 * The version or tag a CLI is upgraded to. The Node gateway's rule (non-empty, no whitespace or
 * control characters, not starting with '-') keeps its message; on top of it only letters, digits
 * and {@code . _ + -} are accepted, because the target is pasted into package specs such as
 * {@code @google/gemini-cli@<target>}, where ':', '/' or '@' would name a different package
 * (npm aliases, URLs, paths).
 */
public final class UpgradeTarget {

    public static final String LATEST = "latest";
    public static final String INVALID = "Upgrade target must be a non-empty package tag or version without "
            + "whitespace and cannot start with '-'";
    public static final String NOT_A_VERSION = "Upgrade target must be a version or dist-tag made of letters, "
            + "digits, '.', '_', '+' and '-' (at most 64 characters): package aliases, URLs and paths (':', '/', '@') "
            + "are not accepted";
    private static final Pattern WHITESPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Cntrl}]");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    private UpgradeTarget() {
    }

    /** The trimmed target; null means latest. */
    public static String normalize(String target) {
        String t = target == null ? LATEST : target.strip();
        if (t.isEmpty() || t.startsWith("-") || WHITESPACE_OR_CONTROL.matcher(t).find()) {
            throw new IllegalArgumentException(INVALID);
        }
        if (!VERSION.matcher(t).matches()) {
            throw new IllegalArgumentException(NOT_A_VERSION);
        }
        return t;
    }
}
