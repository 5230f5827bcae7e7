package com.verivus.gateway.job;

import java.time.Duration;

/**
 * Retry and circuit-breaker parameters of the direct path (the Node gateway's withRetry): at most
 * {@code failureThreshold} attempts, delays {@code min(initialDelay * 2^(attempt-1), maxDelay)}; the
 * breaker opens after {@code failureThreshold} transient failures and half-opens after {@code resetTimeout}.
 */
public record RetryPolicy(Duration initialDelay, Duration maxDelay, int failureThreshold, Duration resetTimeout) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofSeconds(60));
    }

    Duration delayBefore(int nextAttempt) {
        long factor = 1L << Math.min(30, nextAttempt - 2);
        long ms = Math.min(initialDelay.toMillis() * factor, maxDelay.toMillis());
        return Duration.ofMillis(ms);
    }
}
