package com.verivus.gateway.config;

import java.util.OptionalLong;

/**
 * Reads a number from an environment variable the way the Node gateway's {@code parseInt(v, 10)}
 * does, so that the same value means the same thing here: leading whitespace and a sign are
 * allowed, digits are read up to the first non-digit ("60s" is 60), and no digits at all is no
 * number. Values beyond the range of a long saturate instead of wrapping.
 */
public final class LeadingInteger {

    private LeadingInteger() {
    }

    public static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int start = i;
        long value = 0;
        boolean saturated = false;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            int digit = text.charAt(i) - '0';
            if (!saturated) {
                if (value > (Long.MAX_VALUE - digit) / 10) {
                    saturated = true;
                    value = Long.MAX_VALUE;
                } else {
                    value = value * 10 + digit;
                }
            }
            i++;
        }
        if (i == start) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(negative ? -value : value);
    }

    /** The parsed value when it is greater than zero, else the fallback. */
    public static long positiveOr(String text, long fallback) {
        OptionalLong v = parse(text);
        return v.isPresent() && v.getAsLong() > 0 ? v.getAsLong() : fallback;
    }
}
