package com.verivus.gateway.job;

import java.time.Clock;

/**
 * One command's circuit breaker (closed → open after too many transient failures → half-open after
 * the reset timeout → closed on a success). Only transient failures (a wall-clock timeout, 124) count.
 * Messages are the Node gateway's.
 */
public final class CircuitBreaker {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final RetryPolicy policy;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private long lastFailureMillis;

    CircuitBreaker(RetryPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public synchronized State state() {
        return state;
    }

    /** Before the first attempt: fail fast while open, half-open once the reset timeout has passed. */
    synchronized void admit() throws DirectExecutionException {
        if (state != State.OPEN) {
            return;
        }
        long since = clock.millis() - lastFailureMillis;
        if (since > policy.resetTimeout().toMillis()) {
            state = State.HALF_OPEN;
            return;
        }
        long remaining = (long) Math.ceil((policy.resetTimeout().toMillis() - since) / 1000.0);
        throw new DirectExecutionException("[CircuitBreaker] Circuit is open. Failing fast. Will not try for another "
                + remaining + "s.", null);
    }

    synchronized void succeeded() {
        failures = 0;
        lastFailureMillis = 0;
        state = State.CLOSED;
    }

    /**
     * Records a transient failure; returns the message of the error to stop with when the breaker
     * (re)opened, or null when another attempt may follow.
     */
    synchronized String failedTransiently(String lastError) {
        failures++;
        lastFailureMillis = clock.millis();
        if (state == State.HALF_OPEN) {
            state = State.OPEN;
            return "[CircuitBreaker] Circuit re-opened after failed attempt in HALF_OPEN state. Last error: "
                    + lastError;
        }
        if (failures >= policy.failureThreshold()) {
            state = State.OPEN;
            return "[CircuitBreaker] Circuit opened after " + failures + " consecutive failures. Last error: "
                    + lastError;
        }
        return null;
    }
}
