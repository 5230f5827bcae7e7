package com.verivus.gateway.process;

import java.time.Duration;

/**
 * Limits of one process run.
 *
 * @param idleTimeout kill the tree after this long without any output; null = none
 * @param wallTimeout kill the tree after this long in total; null = none (only the direct path sets it)
 * @param maxOutputBytes stdout + stderr bytes kept; the chunk that would exceed it is dropped and the tree killed
 * @param killGrace time between SIGTERM and SIGKILL
 * @param drainGrace how long to wait for the output pipes to close after the process exited (a
 *                   background grandchild may hold them open forever)
 * @param stallTimeout kill the tree after this long without progress: output that only repeats the same line
 *                     (see {@link RepeatWatch}); null = none
 */
public record RunLimits(Duration idleTimeout, Duration wallTimeout, long maxOutputBytes, Duration killGrace,
                        Duration drainGrace, Duration stallTimeout) {

    /** The Node gateway's cap: 50 MB of stdout and stderr combined. */
    public static final long MAX_OUTPUT_BYTES = 50L * 1024 * 1024;
    public static final Duration KILL_GRACE = Duration.ofSeconds(5);
    public static final Duration DRAIN_GRACE = Duration.ofSeconds(2);

    public RunLimits {
        if (idleTimeout != null && (idleTimeout.isZero() || idleTimeout.isNegative())) {
            idleTimeout = null;
        }
        if (wallTimeout != null && (wallTimeout.isZero() || wallTimeout.isNegative())) {
            wallTimeout = null;
        }
        if (maxOutputBytes <= 0) {
            throw new IllegalArgumentException("maxOutputBytes must be positive");
        }
        killGrace = killGrace == null ? KILL_GRACE : killGrace;
        drainGrace = drainGrace == null ? DRAIN_GRACE : drainGrace;
        if (stallTimeout != null && (stallTimeout.isZero() || stallTimeout.isNegative())) {
            stallTimeout = null;
        }
    }

    /** Limits without a stall timeout. */
    public RunLimits(Duration idleTimeout, Duration wallTimeout, long maxOutputBytes, Duration killGrace,
                     Duration drainGrace) {
        this(idleTimeout, wallTimeout, maxOutputBytes, killGrace, drainGrace, null);
    }

    public static RunLimits defaults() {
        return new RunLimits(null, null, MAX_OUTPUT_BYTES, KILL_GRACE, DRAIN_GRACE);
    }

    public RunLimits withIdleTimeout(Duration idle) {
        return new RunLimits(idle, wallTimeout, maxOutputBytes, killGrace, drainGrace, stallTimeout);
    }

    public RunLimits withWallTimeout(Duration wall) {
        return new RunLimits(idleTimeout, wall, maxOutputBytes, killGrace, drainGrace, stallTimeout);
    }

    public RunLimits withStallTimeout(Duration stall) {
        return new RunLimits(idleTimeout, wallTimeout, maxOutputBytes, killGrace, drainGrace, stall);
    }
}
