package com.verivus.gateway.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Timestamps as JavaScript's Date.toISOString writes them and as Date reads the common forms. */
final class IsoTimestamps {

    /** Always three fraction digits and Z, e.g. 2026-05-20T10:11:12.345Z (Instant.toString varies). */
    private static final DateTimeFormatter JS_ISO =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private IsoTimestamps() {
    }

    static String format(Instant instant) {
        return JS_ISO.format(instant);
    }

    /** Parses an ISO date-time (with Z or an offset), a local date-time or a date; empty when unparsable. */
    static Optional<Instant> parse(String text) {
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
}
