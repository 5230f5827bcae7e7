package com.verivus.gateway.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as JavaScript's Date.toISOString writes them ({@code 2026-05-24T10:11:12.345Z}): UTC,
 * always three fraction digits. Rows are compared as strings in SQL, so the format must never vary.
 */
public final class IsoTimestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Expiry of running rows: they never expire while running. */
    public static final String FAR_FUTURE = "9999-12-31T23:59:59.999Z";

    private IsoTimestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    public static Instant parse(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** Instants are kept to the millisecond everywhere, so memory and SQLite agree. */
    public static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
