package com.verivus.gateway.store;

import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.json.IsoTimestamps;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jobs kept in this process only (backend {@code memory}): same semantics as the SQLite store, lost
 * when the gateway exits. Records are immutable, so handing them out never exposes internal state.
 */
public final class MemoryJobStore implements JobStore, ReceiptStore {

    private final long retentionMs;
    private final Map<String, JobRecord> rows = new LinkedHashMap<>();
    private final MemoryReceiptStore receipts = new MemoryReceiptStore();

    public MemoryJobStore(long retentionMs) {
        this.retentionMs = retentionMs;
    }

    @Override
    public PersistenceConfig.Backend backend() {
        return PersistenceConfig.Backend.MEMORY;
    }

    @Override
    public long retentionMs() {
        return retentionMs;
    }

    @Override
    public synchronized void recordStart(JobRecord job) {
        if (rows.containsKey(job.id())) {
            throw new JobStoreException("job " + job.id() + " already recorded");
        }
        rows.put(job.id(), new JobRecord(job.id(), job.correlationId(), job.requestKey(), job.cli(), job.args(),
                job.outputFormat(), JobStatus.RUNNING, null, "", "", false, null,
                IsoTimestamps.millis(job.startedAt()), null, job.pid(), IsoTimestamps.parse(IsoTimestamps.FAR_FUTURE),
                job.owner(), IsoTimestamps.millis(job.heartbeatAt()), job.workingDir()));
    }

    @Override
    public synchronized Optional<JobRecord> startOrReuse(JobRecord job, Instant startedNotBefore) {
        Optional<JobRecord> reusable = findReusable(job.requestKey(), startedNotBefore);
        if (reusable.isEmpty()) {
            recordStart(job);
        }
        return reusable;
    }

    @Override
    public synchronized void recordPid(String id, long pid) {
        rows.computeIfPresent(id, (k, r) -> new JobRecord(r.id(), r.correlationId(), r.requestKey(), r.cli(),
                r.args(), r.outputFormat(), r.status(), r.exitCode(), r.stdout(), r.stderr(), r.outputTruncated(),
                r.error(), r.startedAt(), r.finishedAt(), pid, r.expiresAt(), r.owner(), r.heartbeatAt(),
                r.workingDir()));
    }

    @Override
    public synchronized void recordOutput(String id, String stdout, String stderr, boolean outputTruncated) {
        rows.computeIfPresent(id, (k, r) -> new JobRecord(r.id(), r.correlationId(), r.requestKey(), r.cli(),
                r.args(), r.outputFormat(), r.status(), r.exitCode(), stdout, stderr, outputTruncated, r.error(),
                r.startedAt(), r.finishedAt(), r.pid(), r.expiresAt(), r.owner(), r.heartbeatAt(), r.workingDir()));
    }

    @Override
    public synchronized void recordComplete(JobCompletion c) {
        Instant finished = IsoTimestamps.millis(c.finishedAt());
        rows.computeIfPresent(c.id(), (k, r) -> new JobRecord(r.id(), r.correlationId(), r.requestKey(), r.cli(),
                r.args(), r.outputFormat(), c.status(), c.exitCode(), c.stdout(), c.stderr(), c.outputTruncated(),
                c.error(), r.startedAt(), finished, r.pid(), finished.plusMillis(retentionMs), r.owner(),
                r.heartbeatAt(), r.workingDir()));
    }

    @Override
    public synchronized Optional<JobRecord> find(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized Optional<JobRecord> findReusable(String requestKey, Instant startedNotBefore) {
        Instant cutoff = IsoTimestamps.millis(startedNotBefore);
        return rows.values().stream()
                .filter(r -> r.requestKey().equals(requestKey) && r.status().reusable()
                        && !r.startedAt().isBefore(cutoff))
                .max(Comparator.comparing(JobRecord::startedAt));
    }

    @Override
    public synchronized List<JobLease> findRunning() {
        return rows.values().stream().filter(r -> r.status() == JobStatus.RUNNING).map(JobRecord::lease).toList();
    }

    @Override
    public synchronized boolean markOrphaned(String id, Instant expectedHeartbeat, Instant now) {
        JobRecord r = rows.get(id);
        Instant expected = IsoTimestamps.millis(expectedHeartbeat);
        if (r == null || r.status() != JobStatus.RUNNING
                || !java.util.Objects.equals(r.heartbeatAt(), expected)) {
            return false;
        }
        Instant at = IsoTimestamps.millis(now);
        rows.put(id, new JobRecord(r.id(), r.correlationId(), r.requestKey(), r.cli(), r.args(), r.outputFormat(),
                JobStatus.ORPHANED, r.exitCode(), r.stdout(), r.stderr(), r.outputTruncated(),
                r.error() != null ? r.error() : ORPHANED_ERROR, r.startedAt(),
                r.finishedAt() != null ? r.finishedAt() : at, r.pid(), at.plusMillis(retentionMs), r.owner(),
                r.heartbeatAt(), r.workingDir()));
        return true;
    }

    @Override
    public synchronized int heartbeat(Collection<String> ids, Instant at) {
        int n = 0;
        Instant beat = IsoTimestamps.millis(at);
        for (String id : ids) {
            JobRecord r = rows.get(id);
            if (r != null && r.status() == JobStatus.RUNNING) {
                rows.put(id, new JobRecord(r.id(), r.correlationId(), r.requestKey(), r.cli(), r.args(),
                        r.outputFormat(), r.status(), r.exitCode(), r.stdout(), r.stderr(), r.outputTruncated(),
                        r.error(), r.startedAt(), r.finishedAt(), r.pid(), r.expiresAt(), r.owner(), beat,
                        r.workingDir()));
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized int evictExpired(Instant now) {
        int before = rows.size();
        rows.values().removeIf(r -> r.expiresAt().isBefore(now));
        return before - rows.size();
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public void insertReceipt(StoredReceipt receipt) {
        receipts.insertReceipt(receipt);
    }

    @Override
    public Optional<StoredReceipt> findReceipt(String id) {
        return receipts.findReceipt(id);
    }
}
