package com.verivus.gateway.job;

import com.verivus.gateway.store.JobLease;
import com.verivus.gateway.store.JobOwner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether the gateway holding a running row is gone, so the row may be marked orphaned.
 * <ul>
 * <li>Owner on this host: gone when no process has its pid, or the process with that pid started at a
 *     different time (the pid was reused). No waiting: a gateway restarted after a crash reports its
 *     predecessor's jobs orphaned at once.</li>
 * <li>Owner on another host: gone when its heartbeat is older than the lease.</li>
 * <li>No owner (a row written by the Node gateway, which records none): the start time stands in for
 *     the heartbeat, so such a row is orphaned once it is older than the lease. If its Node gateway
 *     is in fact still running it, that gateway's final write (by id) restores the true state.</li>
 * </ul>
 * A row owned by this very process is alive by definition (another engine in the same JVM).
 */
final class OwnerLiveness {

    enum Verdict { ALIVE, GONE }

    private final JobOwner self;
    private final Duration lease;
    private final Clock clock;

    OwnerLiveness(JobOwner self, Duration lease, Clock clock) {
        this.self = self;
        this.lease = lease;
        this.clock = clock;
    }

    Verdict judge(JobLease row) {
        JobOwner owner = row.owner();
        Instant now = clock.instant();
        boolean leaseExpired = row.lastSignOfLife().plus(lease).isBefore(now);
        if (owner == null || !owner.sameHost(self)) {
            return leaseExpired ? Verdict.GONE : Verdict.ALIVE;
        }
        if (owner.sameProcess(self)) {
            return Verdict.ALIVE;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(owner.pid());
        if (process.isEmpty() || !process.get().isAlive()) {
            return Verdict.GONE;
        }
        Optional<Instant> started = process.get().info().startInstant();
        if (started.isEmpty() || owner.processStartedAt() == null) {
            // cannot tell a reused pid from the owner: fall back to the heartbeat
            return leaseExpired ? Verdict.GONE : Verdict.ALIVE;
        }
        return JobOwner.sameStart(started.get(), owner.processStartedAt()) ? Verdict.ALIVE : Verdict.GONE;
    }
}
