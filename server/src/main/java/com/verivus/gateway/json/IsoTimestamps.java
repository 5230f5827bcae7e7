package com.verivus.gateway.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Timestamps as JavaScript's Date.toISOString writes them ({@code 2026-05-24T10:11:12.345Z}): UTC,
 * always three fraction digits (Instant.toString varies). Job rows are compared as strings in SQL and
 * sessions.json is shared with the Node gateway, so the format must never vary.
 */
public final class IsoTimestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Later than any real timestamp: the expiry of job rows while they run. */
    public static final String FAR_FUTURE = "9999-12-31T23:59:59.999Z";

    private IsoTimestamps() {
    }

    public static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(24);
        if (!appendSeconds(text, instant)) {
            return FORMAT.format(instant); // the formatter's sign and padding rules for unusual years
        }
        int millis = instant.getNano() / 1_000_000;
        text.append('.');
        if (millis < 100) {
            text.append(millis < 10 ? "00" : "0");
        }
        return text.append(millis).append('Z').toString();
    }

    /**
     * Appends {@code yyyy-MM-ddTHH:mm:ss} of the instant in UTC, written by hand (a formatter costs far more
     * per call, and every job row and tool result carries timestamps); nothing, and false, for a year
     * outside 1000-9999.
     */
    public static boolean appendSeconds(StringBuilder to, Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return false;
        }
        to.append(t.getYear()).append('-');
        twoDigits(to, t.getMonthValue()).append('-');
        twoDigits(to, t.getDayOfMonth()).append('T');
        twoDigits(to, t.getHour()).append(':');
        twoDigits(to, t.getMinute()).append(':');
        twoDigits(to, t.getSecond());
        return true;
    }

    private static StringBuilder twoDigits(StringBuilder to, int value) {
        return (value < 10 ? to.append('0') : to).append(value);
    }

    /** Strict: what {@link #format} wrote (the gateway's own rows). */
    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /**
     * Lenient, as JavaScript's Date reads the common forms of a file another program may have written:
     * an ISO date-time with Z or an offset, a local date-time, or a date; empty when unparsable.
     */
    public static Optional<Instant> parseLenient(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            // Date reads a date-time without offset as local time
            return Optional.of(LocalDateTime.parse(s).atZone(ZoneId.systemDefault()).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            // ...and a bare date as UTC midnight
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    /** Instants are kept to the millisecond everywhere, so memory and SQLite agree. */
    public static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
