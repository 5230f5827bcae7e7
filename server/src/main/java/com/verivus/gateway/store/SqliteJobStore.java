package com.verivus.gateway.store;

import static com.verivus.gateway.store.NullableColumns.setLong;

import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.files.PrivateDirectory;
import com.verivus.gateway.files.PrivateFiles;
import com.verivus.gateway.json.IsoTimestamps;
import com.verivus.gateway.json.JsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * Jobs in a SQLite file, in the Node gateway's {@code jobs} table (see {@link SqliteJobSchema}), so
 * an existing logs.db keeps its jobs and the flight recorder can share the file. WAL journal,
 * synchronous=NORMAL, a busy timeout for other gateways holding the write lock, file mode 0600.
 * One connection, used by one thread at a time.
 */
public final class SqliteJobStore implements JobStore, ReceiptStore {

    private static final int BUSY_TIMEOUT_MS = 5000;

    private final Path path;
    private final long retentionMs;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final StatementCache statements;
    private final WalCheckpoints checkpoints;

    private SqliteJobStore(Path path, long retentionMs, Connection connection) {
        this.path = path;
        this.retentionMs = retentionMs;
        this.connection = connection;
        this.statements = new StatementCache(connection);
        this.checkpoints = new WalCheckpoints(this::checkpoint);
    }

    /** Opens (creating parent directories and the file, mode 0600) and migrates the schema. */
    public static SqliteJobStore open(Path path, long retentionMs) {
        Path file = path.toAbsolutePath().normalize();
        try {
            if (file.getParent() != null) {
                PrivateDirectory.create(file.getParent());
            }
            PrivateFiles.createIfMissing(file);
        } catch (IOException e) {
            throw new JobStoreException("Cannot create job store at " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = SqliteFiles.walConfig(BUSY_TIMEOUT_MS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // nothing reads generated keys; without this the driver runs a last_insert_rowid() query per write
        config.setGetGeneratedKeys(false);
        Connection connection = null;
        try {
            connection = SqliteFiles.open(file, config);
            SqliteJobSchema.migrate(connection);
            SqliteReceiptTable.create(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new JobStoreException("Cannot open job store " + file + ": " + e.getMessage(), e);
        }
        restrictPermissions(file);
        return new SqliteJobStore(file, retentionMs, connection);
    }

    public Path path() {
        return path;
    }

    @Override
    public PersistenceConfig.Backend backend() {
        return PersistenceConfig.Backend.SQLITE;
    }

    @Override
    public long retentionMs() {
        return retentionMs;
    }

    @Override
    public void recordStart(JobRecord job) {
        update("recordStart", "INSERT INTO jobs (" + JobRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, job.id());
                    ps.setString(2, job.correlationId());
                    ps.setString(3, job.requestKey());
                    ps.setString(4, job.cli());
                    ps.setString(5, JsJson.stringArray(job.args()));
                    ps.setString(6, job.outputFormat());
                    ps.setString(7, JobStatus.RUNNING.key());
                    ps.setNull(8, Types.INTEGER);
                    ps.setString(9, "");
                    ps.setString(10, "");
                    ps.setInt(11, 0);
                    ps.setNull(12, Types.VARCHAR);
                    ps.setString(13, IsoTimestamps.format(job.startedAt()));
                    ps.setNull(14, Types.VARCHAR);
                    setLong(ps, 15, job.pid());
                    ps.setString(16, IsoTimestamps.FAR_FUTURE);
                    JobOwner owner = job.owner();
                    ps.setString(17, owner == null ? null : owner.host());
                    setLong(ps, 18, owner == null ? null : owner.pid());
                    ps.setString(19, owner == null ? null : IsoTimestamps.format(owner.processStartedAt()));
                    ps.setString(20, IsoTimestamps.format(job.heartbeatAt()));
                    ps.setString(21, job.workingDir());
                });
    }

    /** In one IMMEDIATE transaction, so gateways sharing the file serialise on the write lock. */
    @Override
    public Optional<JobRecord> startOrReuse(JobRecord job, Instant startedNotBefore) {
        lock.lock();
        try {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Optional<JobRecord> reusable = findReusable(job.requestKey(), startedNotBefore);
                if (reusable.isEmpty()) {
                    recordStart(job);
                }
                connection.commit();
                checkpoints.wrote();
                return reusable;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw failure("startOrReuse", e);
        } finally {
            lock.unlock();
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
            ps.setString(1, stdout);
            ps.setString(2, stderr);
            ps.setInt(3, outputTruncated ? 1 : 0);
            ps.setString(4, id);
        });
    }

    @Override
    public void recordComplete(JobCompletion c) {
        update("recordComplete", "UPDATE jobs SET status = ?, exit_code = ?, stdout = ?, stderr = ?, "
                + "output_truncated = ?, error = ?, finished_at = ?, expires_at = ? WHERE id = ?", ps -> {
                    ps.setString(1, c.status().key());
                    if (c.exitCode() == null) {
                        ps.setNull(2, Types.INTEGER);
                    } else {
                        ps.setInt(2, c.exitCode());
                    }
                    ps.setString(3, c.stdout());
                    ps.setString(4, c.stderr());
                    ps.setInt(5, c.outputTruncated() ? 1 : 0);
                    ps.setString(6, c.error());
                    ps.setString(7, IsoTimestamps.format(c.finishedAt()));
                    ps.setString(8, IsoTimestamps.format(c.finishedAt().plusMillis(retentionMs)));
                    ps.setString(9, c.id());
                });
    }

    @Override
    public Optional<JobRecord> find(String id) {
        return queryOne("find", "SELECT " + JobRows.COLUMNS + " FROM jobs WHERE id = ?", ps -> ps.setString(1, id));
    }

    @Override
    public Optional<JobRecord> findReusable(String requestKey, Instant startedNotBefore) {
        return queryOne("findReusable", "SELECT " + JobRows.COLUMNS + " FROM jobs WHERE request_key = ? AND started_at >= ? "
                + "AND status IN ('running', 'completed') ORDER BY started_at DESC LIMIT 1", ps -> {
                    ps.setString(1, requestKey);
                    ps.setString(2, IsoTimestamps.format(startedNotBefore));
                });
    }

    @Override
    public List<JobLease> findRunning() {
        lock.lock();
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, started_at, owner_host, owner_pid, "
                + "owner_started_at, heartbeat_at FROM jobs WHERE status = 'running'");
             ResultSet rs = ps.executeQuery()) {
            List<JobLease> leases = new ArrayList<>();
            while (rs.next()) {
                leases.add(JobRows.lease(rs, SqliteJobStore::time));
            }
            return leases;
        } catch (SQLException e) {
            throw failure("findRunning", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean markOrphaned(String id, Instant expectedHeartbeat, Instant now) {
        return update("markOrphaned", "UPDATE jobs SET status = 'orphaned', error = COALESCE(error, ?), "
                + "finished_at = COALESCE(finished_at, ?), expires_at = ? "
                + "WHERE id = ? AND status = 'running' AND heartbeat_at IS ?", ps -> {
                    ps.setString(1, ORPHANED_ERROR);
                    ps.setString(2, IsoTimestamps.format(now));
                    ps.setString(3, IsoTimestamps.format(now.plusMillis(retentionMs)));
                    ps.setString(4, id);
                    ps.setString(5, IsoTimestamps.format(expectedHeartbeat));
                }) > 0;
    }

    @Override
    public int heartbeat(Collection<String> ids, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        lock.lock();
        try {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            int n = 0;
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE jobs SET heartbeat_at = ? WHERE id = ? AND status = 'running'")) {
                for (String id : ids) {
                    ps.setString(1, IsoTimestamps.format(at));
                    ps.setString(2, id);
                    n += ps.executeUpdate();
                }
                connection.commit();
                checkpoints.wrote();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(auto);
            }
            return n;
        } catch (SQLException e) {
            throw failure("heartbeat", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int evictExpired(Instant now) {
        return update("evictExpired", "DELETE FROM jobs WHERE expires_at < ?",
                ps -> ps.setString(1, IsoTimestamps.format(now)));
    }

    @Override
    public void close() {
        lock.lock();
        try {
            statements.close();
            closeQuietly(connection);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void insertReceipt(StoredReceipt receipt) {
        lock.lock();
        try {
            SqliteReceiptTable.insert(connection, receipt);
            checkpoints.wrote();
        } catch (SQLException e) {
            throw failure("insertReceipt", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<StoredReceipt> findReceipt(String id) {
        lock.lock();
        try {
            return SqliteReceiptTable.find(connection, id);
        } catch (SQLException e) {
            throw failure("findReceipt", e);
        } finally {
            lock.unlock();
        }
    }

    private void checkpoint() {
        lock.lock();
        try {
            WalCheckpoints.passive(connection, "job store " + path);
        } finally {
            lock.unlock();
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String op, String sql, Binder binder) {
        lock.lock();
        try {
            PreparedStatement ps = statements.get(sql);
            binder.bind(ps);
            int changed = ps.executeUpdate();
            checkpoints.wrote();
            return changed;
        } catch (SQLException e) {
            statements.discard(sql);
            throw failure(op, e);
        } finally {
            lock.unlock();
        }
    }

    private Optional<JobRecord> queryOne(String op, String sql, Binder binder) {
        lock.lock();
        try {
            PreparedStatement ps = statements.get(sql);
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(JobRows.record(rs, SqliteJobStore::time)) : Optional.empty();
            }
        } catch (SQLException e) {
            statements.discard(sql);
            throw failure(op, e);
        } finally {
            lock.unlock();
        }
    }

    /** Timestamps are ISO text here, as the Node gateway wrote them. */
    private static Instant time(ResultSet rs, String column) throws SQLException {
        return IsoTimestamps.parse(rs.getString(column));
    }

    private JobStoreException failure(String op, SQLException e) {
        return new JobStoreException("JobStore." + op + " failed on " + path + ": " + e.getMessage(), e);
    }

    /** Best effort, as the Node gateway does: the file holds prompts and outputs. */
    private static void restrictPermissions(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path p = Path.of(file + suffix);
            try {
                if (Files.exists(p)) {
                    PrivateFiles.restrict(p);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // not a POSIX file system, or not our file: leave it
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
