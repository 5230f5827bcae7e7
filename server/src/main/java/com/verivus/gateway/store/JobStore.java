package com.verivus.gateway.store;

import com.verivus.gateway.config.PersistenceConfig;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Durable record of jobs: what the job engine writes while jobs run and reads back for status,
 * results, dedup and orphan recovery. Implementations: {@link SqliteJobStore} (the Node gateway's
 * logs.db schema), {@link MemoryJobStore}, and {@code PostgresJobStore} (a fleet of gateways on one
 * database; it also signals completions and cancel requests across gateways).
 * Every method is thread-safe. Failures are thrown as {@link JobStoreException}.
 */
public interface JobStore extends AutoCloseable {

    /** The error a running row gets when its gateway is found gone. */
    String ORPHANED_ERROR = "Gateway restarted while job was running";

    PersistenceConfig.Backend backend();

    /** How long finished rows are kept ({@code expires_at = finished_at + retention}). */
    long retentionMs();

    /**
     * Inserts a running row: empty output, not truncated, expires_at far in the future, with the
     * record's owner and heartbeat.
     */
    void recordStart(JobRecord job);

    /**
     * Dedup decided by the store, atomically: returns the reusable row for {@code job.requestKey()}
     * (as {@link #findReusable}) when there is one, else records {@code job} as started (as
     * {@link #recordStart}) and returns empty. Two callers racing with one key — threads, or
     * gateways sharing the store — never both record.
     */
    Optional<JobRecord> startOrReuse(JobRecord job, Instant startedNotBefore);

    /** Sets the CLI process's pid of a row recorded before its process was spawned. */
    void recordPid(String id, long pid);

    /** Replaces the output of a row (a flush while the job runs). */
    void recordOutput(String id, String stdout, String stderr, boolean outputTruncated);

    /** Writes the terminal state and output; expires_at = finishedAt + retention. */
    void recordComplete(JobCompletion completion);

    Optional<JobRecord> find(String id);

    /**
     * The most recent row with this request key that is running or completed and started at or after
     * {@code startedNotBefore} (the dedup window).
     */
    Optional<JobRecord> findReusable(String requestKey, Instant startedNotBefore);

    /** Owner and liveness of every running row (output not loaded). */
    List<JobLease> findRunning();

    /**
     * Marks a running row orphaned ({@link #ORPHANED_ERROR} unless it has an error, finished_at now
     * unless set, expires_at now + retention) if its heartbeat is still {@code expectedHeartbeat}
     * (null matches a row without heartbeat), so an owner that just proved alive is not overruled.
     *
     * @return true when the row was changed
     */
    boolean markOrphaned(String id, Instant expectedHeartbeat, Instant now);

    /** Sets heartbeat_at of those rows that are still running. */
    int heartbeat(Collection<String> ids, Instant at);

    /**
     * Asks the gateway that runs a running row to cancel it (for stores shared by several gateways).
     *
     * @return true when the request was recorded: the row is running and the store carries such requests
     */
    default boolean requestCancel(String id, Instant at) {
        return false;
    }

    /** Those of {@code ids} whose cancel another gateway requested. */
    default Set<String> cancelRequested(Collection<String> ids) {
        return Set.of();
    }

    /**
     * Whether {@link #subscribe} delivers events written by other gateways (then waiting for a job of
     * another gateway needs no tight polling).
     */
    default boolean signalsAcrossGateways() {
        return false;
    }

    /** Registers a listener for job events of other gateways; a no-op for stores that have none. */
    default void subscribe(JobSignalListener listener) {
    }

    /**
     * What llm_process_health shows about the open store beyond the config (for PostgreSQL: the DSN with
     * the password redacted, the connection pool, whether events are being received). Never secrets.
     */
    default Map<String, Object> details() {
        return Map.of();
    }

    /** Deletes rows whose expires_at is before {@code now}. */
    int evictExpired(Instant now);

    @Override
    void close();
}
