package com.verivus.gateway.recorder;

/**
 * A filter over the flight recorder's rows, for {@link FlightRecorder#list}. Null fields do not filter.
 *
 * @param cli      the provider key (claude, codex, ...)
 * @param status   started, completed, failed, canceled or orphaned
 * @param since    ISO-8601 lower bound (inclusive) of the start time
 * @param until    ISO-8601 upper bound (exclusive) of the start time
 * @param limit    at most this many rows, 1 to {@link #MAX_LIMIT}
 */
public record RequestQuery(String cli, String status, String since, String until, int limit) {

    public static final int MAX_LIMIT = 1000;

    public RequestQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
    }
}
