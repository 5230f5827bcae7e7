package com.verivus.gateway.job;

import com.verivus.gateway.config.StallTimeout;
import com.verivus.gateway.process.RunLimits;
import com.verivus.gateway.provider.CliInvocation;
import java.time.Duration;

/**
 * Tunables of the {@link JobEngine}. {@link #defaults} are the production values (the Node
 * gateway's where it has one); tests shorten the timers.
 *
 * @param dedupWindowMs identical requests started within this window reuse a running or completed job
 * @param minIdleTimeout the shortest idle timeout accepted (the tools enforce 30000..3600000 ms;
 *                       tests use less)
 * @param maxOutputBytes stdout + stderr cap per job (50 MB)
 * @param killGrace SIGTERM → SIGKILL delay (5 s)
 * @param drainGrace wait for output pipes after the process exited (a daemonised grandchild may keep them)
 * @param flushInterval how often running jobs' new output is written to the store (at most once a second)
 * @param heartbeatInterval how often the owner refreshes heartbeat_at of its running rows
 * @param lease a running row of another host (or without owner) is orphaned once its last sign of life is older
 * @param sweepInterval orphan sweep, expired-row deletion and in-memory eviction
 * @param memoryRetention finished jobs stay in memory this long (then are read from the store)
 * @param stallTimeout a run that prints only the same line for this long is stopped; null = never
 */
public record JobEngineSettings(long dedupWindowMs, Duration minIdleTimeout, long maxOutputBytes, Duration killGrace,
                                Duration drainGrace, Duration flushInterval, Duration heartbeatInterval,
                                Duration lease, Duration sweepInterval, Duration memoryRetention,
                                Duration stallTimeout) {

    public static final long DEFAULT_DEDUP_WINDOW_MS = 3_600_000;
    /** Long enough for a few of codex's ~90 s network retries, short of the 10-minute idle timeout. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(5);

    public JobEngineSettings {
        if (dedupWindowMs < 0) {
            throw new IllegalArgumentException("dedupWindowMs must be >= 0");
        }
        // plus, not multipliedBy: that goes through BigDecimal, whose first use costs ~8 ms of a cold start
        if (!lease.minus(heartbeatInterval).minus(heartbeatInterval).isPositive()) {
            throw new IllegalArgumentException("the lease must be longer than two heartbeats");
        }
    }

    public static JobEngineSettings defaults(long dedupWindowMs) {
        return new JobEngineSettings(dedupWindowMs, Duration.ofMillis(30_000), RunLimits.MAX_OUTPUT_BYTES,
                RunLimits.KILL_GRACE, RunLimits.DRAIN_GRACE, Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofHours(1), DEFAULT_STALL_TIMEOUT);
    }

    public JobEngineSettings withDedupWindowMs(long ms) {
        return new JobEngineSettings(ms, minIdleTimeout, maxOutputBytes, killGrace, drainGrace, flushInterval,
                heartbeatInterval, lease, sweepInterval, memoryRetention, stallTimeout);
    }

    public JobEngineSettings withMinIdleTimeout(Duration d) {
        return new JobEngineSettings(dedupWindowMs, d, maxOutputBytes, killGrace, drainGrace, flushInterval,
                heartbeatInterval, lease, sweepInterval, memoryRetention, stallTimeout);
    }

    public JobEngineSettings withMaxOutputBytes(long bytes) {
        return new JobEngineSettings(dedupWindowMs, minIdleTimeout, bytes, killGrace, drainGrace, flushInterval,
                heartbeatInterval, lease, sweepInterval, memoryRetention, stallTimeout);
    }

    public JobEngineSettings withKillGrace(Duration d) {
        return new JobEngineSettings(dedupWindowMs, minIdleTimeout, maxOutputBytes, d, drainGrace, flushInterval,
                heartbeatInterval, lease, sweepInterval, memoryRetention, stallTimeout);
    }

    public JobEngineSettings withFlushInterval(Duration d) {
        return new JobEngineSettings(dedupWindowMs, minIdleTimeout, maxOutputBytes, killGrace, drainGrace, d,
                heartbeatInterval, lease, sweepInterval, memoryRetention, stallTimeout);
    }

    public JobEngineSettings withHeartbeat(Duration interval, Duration leaseLength) {
        return new JobEngineSettings(dedupWindowMs, minIdleTimeout, maxOutputBytes, killGrace, drainGrace,
                flushInterval, interval, leaseLength, sweepInterval, memoryRetention, stallTimeout);
    }

    public JobEngineSettings withSweep(Duration interval, Duration retention) {
        return new JobEngineSettings(dedupWindowMs, minIdleTimeout, maxOutputBytes, killGrace, drainGrace,
                flushInterval, heartbeatInterval, lease, interval, retention, stallTimeout);
    }

    public JobEngineSettings withStallTimeout(Duration d) {
        return new JobEngineSettings(dedupWindowMs, minIdleTimeout, maxOutputBytes, killGrace, drainGrace,
                flushInterval, heartbeatInterval, lease, sweepInterval, memoryRetention, d);
    }

    /**
     * The invocation's idle timeout; null for none. Jobs and the direct path check it alike.
     *
     * @throws IllegalArgumentException when it is below {@link #minIdleTimeout}
     */
    Duration idleTimeout(CliInvocation invocation) {
        Long ms = invocation.idleTimeoutMs();
        if (ms == null || ms <= 0) {
            return null;
        }
        if (ms < minIdleTimeout.toMillis()) {
            throw new IllegalArgumentException("idleTimeoutMs must be at least " + minIdleTimeout.toMillis()
                    + " (got " + ms + ")");
        }
        return Duration.ofMillis(ms);
    }

    /** The error of a run stopped for printing only the same line: what it was stuck on, quoted. */
    String stalledMessage(String repeatedLine) {
        return "Process stopped after " + stallTimeout.toMillis() + "ms without progress: it printed only this line, "
                + "again and again: \"" + repeatedLine + "\" (" + StallTimeout.ENV + " sets this limit; 0 turns "
                + "it off)";
    }

    RunLimits limits(Duration idleTimeout) {
        return new RunLimits(idleTimeout, null, maxOutputBytes, killGrace, drainGrace, stallTimeout);
    }
}
