package com.verivus.gateway.validation;

import java.time.Duration;

/**
 * How long a validation tool waits for its provider jobs before it answers with the jobs still
 * running. The sync request tools' SYNC_DEADLINE_MS applies: a positive value bounds the wait, 0
 * waits until every job has finished (as 0 makes sync requests run to completion).
 *
 * @param limit null = no limit
 */
public record WaitBudget(Duration limit) {

    public WaitBudget {
        if (limit != null && limit.isNegative()) {
            throw new IllegalArgumentException("the wait limit must not be negative");
        }
    }

    public static WaitBudget fromSyncDeadlineMs(long syncDeadlineMs) {
        if (syncDeadlineMs < 0) {
            throw new IllegalArgumentException("SYNC_DEADLINE_MS must be >= 0");
        }
        return new WaitBudget(syncDeadlineMs == 0 ? null : Duration.ofMillis(syncDeadlineMs));
    }

    public static WaitBudget unbounded() {
        return new WaitBudget(null);
    }

    /** Starts the clock. */
    public Deadline start() {
        return new Deadline(limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos(), limit == null);
    }

    /** A point in time (monotonic clock), or none. */
    public record Deadline(long atNanos, boolean unbounded) {

        /** Long enough to stand for "no limit" in APIs that need a duration. */
        private static final Duration FOREVER = Duration.ofDays(3650);

        public Duration remaining() {
            if (unbounded) {
                return FOREVER;
            }
            return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
        }

        public boolean passed() {
            return !unbounded && System.nanoTime() - atNanos >= 0;
        }
    }
}
