package com.verivus.gateway.store.postgres;

import static com.verivus.gateway.store.NullableColumns.setLong;

import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.json.IsoTimestamps;
import com.verivus.gateway.store.JobCompletion;
import com.verivus.gateway.store.JobLease;
import com.verivus.gateway.store.JobOwner;
import com.verivus.gateway.store.JobRecord;
import com.verivus.gateway.store.JobRows;
import com.verivus.gateway.store.JobSignalListener;
import com.verivus.gateway.store.JobStore;
import com.verivus.gateway.store.JobStoreException;
import com.verivus.gateway.json.JsJson;
import com.verivus.gateway.store.ReceiptStore;
import com.verivus.gateway.store.StoredReceipt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Jobs of a fleet of gateways in one PostgreSQL database (table {@code jobs}, see
 * {@code db/postgres/V1__jobs.sql}). The same contract as the SQLite store; what a shared server adds:
 * <ul>
 * <li>dedup is decided by the database: {@link #startOrReuse} runs under a transaction-scoped advisory
 *     lock on the request key, so identical requests on any number of gateways start one job;</li>
 * <li>completions and cancel requests are announced with {@code NOTIFY} in the writing transaction and
 *     delivered to every gateway by {@link PostgresJobEvents} ({@code LISTEN});</li>
 * <li>a cancel asked through another gateway is a {@code cancel_requested_at} mark the owner picks up.</li>
 * </ul>
 * Text cannot hold NUL in PostgreSQL, so NUL characters in CLI output are stored as U+FFFD.
 */
public final class PostgresJobStore implements JobStore, ReceiptStore {

    private static final Instant FAR_FUTURE = Instant.parse(IsoTimestamps.FAR_FUTURE);

    private final PostgresDatabase db;
    private final long retentionMs;
    private final PostgresJobEvents events;
    private final boolean ownsDatabase;

    /**
     * @param ownsDatabase whether {@link #close} closes the pool too (false when the session store shares it)
     */
    public PostgresJobStore(PostgresDatabase db, long retentionMs, boolean ownsDatabase) {
        this.db = db;
        this.retentionMs = retentionMs;
        this.ownsDatabase = ownsDatabase;
        this.events = new PostgresJobEvents(db);
    }

    public PostgresDatabase database() {
        return db;
    }

    @Override
    public PersistenceConfig.Backend backend() {
        return PersistenceConfig.Backend.POSTGRES;
    }

    @Override
    public long retentionMs() {
        return retentionMs;
    }

    @Override
    public void recordStart(JobRecord job) {
        try (Connection c = db.connection()) {
            insert(c, job);
        } catch (SQLException e) {
            throw failure("recordStart", e);
        }
    }

    @Override
    public Optional<JobRecord> startOrReuse(JobRecord job, Instant startedNotBefore) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                    lock.setString(1, "llm-gateway-job:" + job.requestKey());
                    lock.execute();
                }
                Optional<JobRecord> reusable = findReusable(c, job.requestKey(), startedNotBefore);
                if (reusable.isEmpty()) {
                    insert(c, job);
                }
                c.commit();
                return reusable;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("startOrReuse", e);
        }
    }

    private static void insert(Connection c, JobRecord job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (" + JobRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, "
                + "'running', NULL, '', '', FALSE, NULL, ?, NULL, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, job.id());
            ps.setString(2, job.correlationId());
            ps.setString(3, job.requestKey());
            ps.setString(4, job.cli());
            ps.setString(5, text(JsJson.stringArray(job.args())));
            ps.setString(6, job.outputFormat());
            setTime(ps, 7, job.startedAt());
            setLong(ps, 8, job.pid());
            setTime(ps, 9, FAR_FUTURE);
            JobOwner owner = job.owner();
            ps.setString(10, owner == null ? null : owner.host());
            setLong(ps, 11, owner == null ? null : owner.pid());
            setTime(ps, 12, owner == null ? null : owner.processStartedAt());
            setTime(ps, 13, job.heartbeatAt());
            ps.setString(14, job.workingDir());
            ps.executeUpdate();
        }
    }

    @Override
    public void recordPid(String id, long pid) {
        update("recordPid", "UPDATE jobs SET pid = ? WHERE id = ?", ps -> {
            ps.setLong(1, pid);
            ps.setString(2, id);
        });
    }

    @Override
    public void recordOutput(String id, String stdout, String stderr, boolean outputTruncated) {
        update("recordOutput", "UPDATE jobs SET stdout = ?, stderr = ?, output_truncated = ? WHERE id = ?", ps -> {
            ps.setString(1, text(stdout));
            ps.setString(2, text(stderr));
            ps.setBoolean(3, outputTruncated);
            ps.setString(4, id);
        });
    }

    /** The update and its NOTIFY commit together: a listener that wakes always finds the final row. */
    @Override
    public void recordComplete(JobCompletion c) {
        updateAndNotify("recordComplete", "UPDATE jobs SET status = ?, exit_code = ?, stdout = ?, stderr = ?, "
                + "output_truncated = ?, error = ?, finished_at = ?, expires_at = ? WHERE id = ?", ps -> {
                    ps.setString(1, c.status().key());
                    if (c.exitCode() == null) {
                        ps.setNull(2, Types.INTEGER);
                    } else {
                        ps.setInt(2, c.exitCode());
                    }
                    ps.setString(3, text(c.stdout()));
                    ps.setString(4, text(c.stderr()));
                    ps.setBoolean(5, c.outputTruncated());
                    ps.setString(6, text(c.error()));
                    setTime(ps, 7, c.finishedAt());
                    setTime(ps, 8, c.finishedAt().plusMillis(retentionMs));
                    ps.setString(9, c.id());
                }, PostgresJobEvents.FINISHED, c.id(), true);
    }

    @Override
    public Optional<JobRecord> find(String id) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + JobRows.COLUMNS + " FROM jobs WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(JobRows.record(rs, PostgresJobStore::time)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("find", e);
        }
    }

    @Override
    public Optional<JobRecord> findReusable(String requestKey, Instant startedNotBefore) {
        try (Connection c = db.connection()) {
            return findReusable(c, requestKey, startedNotBefore);
        } catch (SQLException e) {
            throw failure("findReusable", e);
        }
    }

    private static Optional<JobRecord> findReusable(Connection c, String requestKey, Instant startedNotBefore)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + JobRows.COLUMNS + " FROM jobs WHERE request_key = ? "
                + "AND started_at >= ? AND status IN ('running', 'completed') ORDER BY started_at DESC LIMIT 1")) {
            ps.setString(1, requestKey);
            setTime(ps, 2, startedNotBefore);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(JobRows.record(rs, PostgresJobStore::time)) : Optional.empty();
            }
        }
    }

    @Override
    public List<JobLease> findRunning() {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT id, started_at, owner_host, owner_pid, "
                     + "owner_started_at, heartbeat_at FROM jobs WHERE status = 'running'");
             ResultSet rs = ps.executeQuery()) {
            List<JobLease> leases = new ArrayList<>();
            while (rs.next()) {
                leases.add(JobRows.lease(rs, PostgresJobStore::time));
            }
            return leases;
        } catch (SQLException e) {
            throw failure("findRunning", e);
        }
    }

    @Override
    public boolean markOrphaned(String id, Instant expectedHeartbeat, Instant now) {
        return updateAndNotify("markOrphaned", "UPDATE jobs SET status = 'orphaned', error = COALESCE(error, ?), "
                + "finished_at = COALESCE(finished_at, ?), expires_at = ? "
                + "WHERE id = ? AND status = 'running' AND heartbeat_at IS NOT DISTINCT FROM ?", ps -> {
                    ps.setString(1, ORPHANED_ERROR);
                    setTime(ps, 2, now);
                    setTime(ps, 3, now.plusMillis(retentionMs));
                    ps.setString(4, id);
                    setTime(ps, 5, expectedHeartbeat);
                }, PostgresJobEvents.FINISHED, id, false) > 0;
    }

    @Override
    public int heartbeat(Collection<String> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return update("heartbeat", "UPDATE jobs SET heartbeat_at = ? WHERE id = ANY (?) AND status = 'running'",
                ps -> {
                    setTime(ps, 1, at);
                    ps.setArray(2, ps.getConnection().createArrayOf("text", ids.toArray()));
                });
    }

    @Override
    public boolean requestCancel(String id, Instant at) {
        return updateAndNotify("requestCancel", "UPDATE jobs SET cancel_requested_at = COALESCE(cancel_requested_at, ?) "
                + "WHERE id = ? AND status = 'running'", ps -> {
                    setTime(ps, 1, at);
                    ps.setString(2, id);
                }, PostgresJobEvents.CANCEL, id, false) > 0;
    }

    @Override
    public Set<String> cancelRequested(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM jobs WHERE id = ANY (?) "
                     + "AND cancel_requested_at IS NOT NULL AND status = 'running'")) {
            ps.setArray(1, c.createArrayOf("text", ids.toArray()));
            Set<String> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        } catch (SQLException e) {
            throw failure("cancelRequested", e);
        }
    }

    @Override
    public boolean signalsAcrossGateways() {
        return true;
    }

    @Override
    public void subscribe(JobSignalListener listener) {
        events.subscribe(listener);
    }

    @Override
    public int evictExpired(Instant now) {
        return update("evictExpired", "DELETE FROM jobs WHERE expires_at < ?", ps -> setTime(ps, 1, now));
    }

    /** DSN (password redacted), pool and listener, for llm_process_health. */
    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("dsn", db.dsn().redacted());
        m.put("pool", db.poolState());
        m.put("listening", events.listening());
        return m;
    }

    @Override
    public void close() {
        events.close();
        if (ownsDatabase) {
            db.close();
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @Override
    public void insertReceipt(StoredReceipt r) {
        update("insertReceipt", "INSERT INTO review_receipts (id, created_at, artifact_sha256, body, body_sha256) "
                + "VALUES (?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, r.id());
                    ps.setString(2, IsoTimestamps.format(r.createdAt()));
                    ps.setString(3, r.artifactSha256());
                    ps.setString(4, r.body());
                    ps.setString(5, r.bodySha256());
                });
    }

    @Override
    public Optional<StoredReceipt> findReceipt(String id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT id, created_at, "
                + "artifact_sha256, body, body_sha256 FROM review_receipts WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new StoredReceipt(rs.getString(1), IsoTimestamps.parse(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("findReceipt", e);
        }
    }

    private int update(String op, String sql, Binder binder) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(op, e);
        }
    }

    /**
     * One UPDATE and its NOTIFY commit together, so a listener that wakes always finds the row as updated.
     * The notice goes out when a row changed, or always when {@code evenIfUnchanged}.
     */
    private int updateAndNotify(String op, String sql, Binder binder, String event, String id,
                                boolean evenIfUnchanged) {
        try (Connection conn = db.connection()) {
            conn.setAutoCommit(false);
            try {
                int n;
                try (PreparedStatement ps = conn.prepareStatement(sql)) {
                    binder.bind(ps);
                    n = ps.executeUpdate();
                }
                if (n > 0 || evenIfUnchanged) {
                    PostgresJobEvents.notify(conn, event, id);
                }
                conn.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                rollback(conn);
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(op, e);
        }
    }

    private JobStoreException failure(String op, SQLException e) {
        return new JobStoreException("JobStore." + op + " failed on PostgreSQL " + db.dsn().redacted() + ": "
                + PostgresDatabase.rootMessage(e), e);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // the connection is broken; the pool discards it
        }
    }

    /** PostgreSQL text cannot contain NUL; a CLI may print one. */
    static String text(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : IsoTimestamps.millis(t.toInstant());
    }

    private static void setTime(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(IsoTimestamps.millis(value), ZoneOffset.UTC));
        }
    }

}
