package com.verivus.gateway.job;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.json.IsoTimestamps;
import com.verivus.gateway.store.JobCompletion;
import com.verivus.gateway.store.JobLease;
import com.verivus.gateway.store.JobOwner;
import com.verivus.gateway.store.JobRecord;
import com.verivus.gateway.store.JobStatus;
import com.verivus.gateway.store.JobStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The engine's side of the job store: writes this gateway's jobs (start, output, completion,
 * heartbeats), reads other jobs back, and marks orphaned the running rows whose gateway is gone.
 * Store failures are logged ({@code JobStore.<op> failed}) and never reach the caller, as in the
 * Node gateway: a broken store must not break running jobs.
 */
final class JobJournal {

    private final JobStore store;
    private final JobOwner owner;
    private final OwnerLiveness liveness;
    private final Clock clock;

    JobJournal(JobStore store, JobOwner owner, OwnerLiveness liveness, Clock clock) {
        this.store = store;
        this.owner = owner;
        this.liveness = liveness;
        this.clock = clock;
    }

    JobStore store() {
        return store;
    }

    /**
     * Records the job as running before its process is spawned. With a {@code dedupCutoff} the store
     * decides atomically whether an identical job started since then is to be reused instead; its
     * row is returned (refreshed: a row of a gone gateway comes back orphaned) and nothing is recorded.
     * Unlike the other writes this one throws: a request must not run behind a store that cannot
     * record it (a database that went away), it fails with the store's error instead.
     *
     * @throws com.verivus.gateway.store.JobStoreException when the store cannot be written
     */
    Optional<JobRecord> claim(LiveJob job, Instant dedupCutoff, Predicate<String> local) {
        JobRecord row = new JobRecord(job.id, job.correlationId, job.requestKey, job.cli, job.args,
                job.outputFormat, JobStatus.RUNNING, null, "", "", false, null, job.startedAt, null, null, null,
                owner, job.startedAt, job.workingDir == null ? null : job.workingDir.toString());
        if (dedupCutoff == null) {
            store.recordStart(row);
            return Optional.empty();
        }
        return store.startOrReuse(row, dedupCutoff).map(found -> refresh(found, local));
    }

    void recordPid(LiveJob job, long pid) {
        guard("recordPid", () -> store.recordPid(job.id, pid));
    }

    /** Asks the owner of a running row on another gateway to cancel it; false when the store cannot. */
    boolean requestCancel(String id) {
        try {
            return store.requestCancel(id, now());
        } catch (RuntimeException e) {
            GatewayLog.error("JobStore.requestCancel failed", e);
            return false;
        }
    }

    /** Those of this gateway's running jobs whose cancel another gateway asked for. */
    Set<String> cancelRequested(List<String> runningIds) {
        if (runningIds.isEmpty()) {
            return Set.of();
        }
        try {
            return store.cancelRequested(runningIds);
        } catch (RuntimeException e) {
            GatewayLog.error("JobStore.cancelRequested failed", e);
            return Set.of();
        }
    }

    /** Writes the job's current state; a write older than one already made is skipped. */
    void persist(LiveJob job) {
        LiveJob.Image image = job.image();
        job.persistLock.lock();
        try {
            if (image.seq() <= job.persistedSeq) {
                return;
            }
            boolean ok = image.status() == JobStatus.RUNNING
                    ? guard("recordOutput", () -> store.recordOutput(job.id, image.output().stdout(),
                            image.output().stderr(), image.output().truncated()))
                    : guard("recordComplete", () -> store.recordComplete(new JobCompletion(job.id, image.status(),
                            image.exitCode(), image.output().stdout(), image.output().stderr(),
                            image.output().truncated(), image.error(), image.finishedAt())));
            if (ok) {
                job.persistedSeq = image.seq();
                job.persistedOutputVersion = image.output().version();
                job.persistedStatus = image.status();
            }
        } finally {
            job.persistLock.unlock();
        }
    }

    void heartbeat(List<String> runningIds) {
        if (!runningIds.isEmpty()) {
            guard("heartbeat", () -> store.heartbeat(runningIds, now()));
        }
    }

    void evictExpired() {
        guard("evictExpired", () -> store.evictExpired(now()));
    }

    /** A row, with a running row of a gone gateway marked orphaned first. {@code local}: ids this engine runs. */
    Optional<JobRecord> read(String id, Predicate<String> local) {
        try {
            return store.find(id).map(row -> refresh(row, local));
        } catch (RuntimeException e) {
            GatewayLog.error("JobStore.find failed", e);
            return Optional.empty();
        }
    }

    JobRecord refresh(JobRecord row, Predicate<String> local) {
        if (row.status() != JobStatus.RUNNING || local.test(row.id())
                || liveness.judge(row.lease()) == OwnerLiveness.Verdict.ALIVE) {
            return row;
        }
        store.markOrphaned(row.id(), row.heartbeatAt(), now());
        return store.find(row.id()).orElse(row);
    }

    boolean ownerGone(JobRecord row) {
        return liveness.judge(row.lease()) == OwnerLiveness.Verdict.GONE;
    }

    void markOrphaned(JobRecord row) {
        guard("markOrphaned", () -> store.markOrphaned(row.id(), row.heartbeatAt(), now()));
    }

    /** Marks orphaned every running row, not run by this engine, whose gateway is gone; returns how many. */
    int sweepOrphans(Predicate<String> local) {
        List<JobLease> running;
        try {
            running = store.findRunning();
        } catch (RuntimeException e) {
            GatewayLog.error("JobStore.findRunning failed", e);
            return 0;
        }
        int n = 0;
        for (JobLease lease : running) {
            if (local.test(lease.id()) || liveness.judge(lease) == OwnerLiveness.Verdict.ALIVE) {
                continue;
            }
            try {
                if (store.markOrphaned(lease.id(), lease.heartbeatAt(), now())) {
                    n++;
                }
            } catch (RuntimeException e) {
                GatewayLog.error("JobStore.markOrphaned failed", e);
            }
        }
        if (n > 0) {
            GatewayLog.info("Marked " + n + " job(s) orphaned: their gateway is gone");
        }
        return n;
    }

    private Instant now() {
        return IsoTimestamps.millis(clock.instant());
    }

    private static boolean guard(String op, Runnable call) {
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            GatewayLog.error("JobStore." + op + " failed", e);
            return false;
        }
    }
}
