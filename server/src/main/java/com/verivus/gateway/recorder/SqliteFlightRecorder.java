package com.verivus.gateway.recorder;

import static com.verivus.gateway.store.NullableColumns.doubleOrNull;
import static com.verivus.gateway.store.NullableColumns.intOrNull;
import static com.verivus.gateway.store.NullableColumns.longOrNull;
import static com.verivus.gateway.store.NullableColumns.setLong;

import com.verivus.gateway.files.PrivateDirectory;
import com.verivus.gateway.files.PrivateFiles;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.store.SqliteFiles;
import com.verivus.gateway.store.StatementCache;
import com.verivus.gateway.store.WalCheckpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * The flight recorder on a SQLite file (WAL, foreign keys on, mode 0600), usually the same logs.db as
 * the job store. One connection, used by one thread at a time; the busy timeout lets it share the file
 * with the job store's connection and with other gateways.
 */
public final class SqliteFlightRecorder implements FlightRecorder {

    /** SQLite's primary result code for constraint violations (a request id recorded twice). */
    private static final int SQLITE_CONSTRAINT = 19;
    private static final int BUSY_TIMEOUT_MS = 5000;

    private static final String SELECT_JOINED = "SELECT r.correlation_id, r.cli, r.model, r.prompt, r.system, "
                + "r.response, r.session_id, r.duration_ms, r.datetime_utc, r.input_tokens, r.output_tokens, "
                + "r.cache_read_tokens, r.cache_creation_tokens, r.working_dir, m.status, m.exit_code, "
                + "m.error_message, m.async_job_id, m.retry_count, m.cost_usd, m.approval_decision "
                + "FROM requests r LEFT JOIN gateway_metadata m ON m.request_id = r.id ";

    private static final String INSERT_REQUEST = "INSERT INTO requests (id, cli, model, prompt, system, session_id, "
            + "datetime_utc, correlation_id, working_dir) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_METADATA = "INSERT INTO gateway_metadata (request_id, async_job_id, status) "
            + "VALUES (?, ?, 'started')";
    private static final String FINISH_METADATA = "UPDATE gateway_metadata SET retry_count = ?, "
            + "circuit_breaker_state = ?, cost_usd = ?, approval_decision = ?, optimization_applied = ?, "
            + "thinking_blocks = ?, exit_code = ?, error_message = ?, status = ?, "
            + "async_job_id = COALESCE(?, async_job_id) WHERE request_id = ? AND status = 'started'";
    private static final String FINISH_REQUEST = "UPDATE requests SET response = ?, duration_ms = ?, input_tokens = ?, "
            + "output_tokens = ?, cache_read_tokens = ?, cache_creation_tokens = ? WHERE id = ?";
    private static final String LINK_JOB = "UPDATE gateway_metadata SET async_job_id = ? WHERE request_id = ?";

    private final Path file;
    private final Connection conn;
    private final StatementCache statements;
    private final WalCheckpoints checkpoints = new WalCheckpoints(this::checkpoint);
    private boolean closed;

    private SqliteFlightRecorder(Path file, Connection conn) {
        this.file = file;
        this.conn = conn;
        this.statements = new StatementCache(conn);
    }

    /**
     * Opens (creating parent directories and the file as needed) and migrates the database.
     *
     * @throws IOException when the file cannot be created
     * @throws SQLException when it is not a usable SQLite database
     */
    public static SqliteFlightRecorder open(Path file) throws IOException, SQLException {
        Path path = file.toAbsolutePath().normalize();
        PrivateDirectory.create(path.getParent());
        createOwnerOnly(path);
        // synchronous NORMAL keeps recording off the request's critical path
        SQLiteConfig config = SqliteFiles.walConfig(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        // nothing reads generated keys; without this the driver runs a last_insert_rowid() query per write
        config.setGetGeneratedKeys(false);
        Connection conn = SqliteFiles.open(path, config);
        try {
            RecorderSchema.apply(conn);
        } catch (SQLException e) {
            conn.close();
            throw e;
        }
        return new SqliteFlightRecorder(path, conn);
    }

    /** A new file is created 0600 before SQLite opens it (its -wal and -shm files copy that mode). */
    private static void createOwnerOnly(Path path) throws IOException {
        PrivateFiles.createIfMissing(path);
        try {
            PrivateFiles.restrict(path); // an existing database (the job store's, a previous run's) too
        } catch (IOException | UnsupportedOperationException e) {
            GatewayLog.debug("flight recorder: could not restrict " + path + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void logStart(RequestStart start) {
        if (start == null || start.requestId() == null || start.cli() == null) {
            GatewayLog.warn("Flight recorder: start without request id or cli ignored");
            return;
        }
        if (closed) {
            GatewayLog.debug("Flight recorder closed; start of " + start.requestId() + " not recorded");
            return;
        }
        try {
            inTransaction(() -> {
                PreparedStatement request = statements.get(INSERT_REQUEST);
                request.setString(1, start.requestId());
                request.setString(2, start.cli().key());
                request.setString(3, start.model());
                request.setString(4, start.prompt());
                request.setString(5, start.system());
                request.setString(6, start.sessionId());
                request.setString(7, RecorderSchema.now());
                request.setString(8, start.correlationId());
                request.setString(9, start.workingDir());
                request.executeUpdate();
                PreparedStatement metadata = statements.get(INSERT_METADATA);
                metadata.setString(1, start.requestId());
                metadata.setString(2, start.asyncJobId());
                metadata.executeUpdate();
                return true;
            });
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xFF) == SQLITE_CONSTRAINT) {
                GatewayLog.warn("Flight recorder: request " + start.requestId()
                        + " is already recorded; duplicate start ignored");
            } else {
                GatewayLog.warn("Flight recorder: failed to record start of " + start.requestId() + ": "
                        + e.getMessage());
            }
        } catch (RuntimeException e) {
            GatewayLog.warn("Flight recorder: failed to record start of " + start.requestId() + ": " + e);
        }
    }

    @Override
    public synchronized void logComplete(RequestOutcome outcome) {
        if (outcome == null || outcome.requestId() == null || outcome.status() == null) {
            GatewayLog.warn("Flight recorder: outcome without request id or status ignored");
            return;
        }
        if (closed) {
            GatewayLog.debug("Flight recorder closed; outcome of " + outcome.requestId() + " not recorded");
            return;
        }
        try {
            String thinking = ThinkingBlocks.encode(outcome.thinkingBlocks());
            boolean updated = inTransaction(() -> {
                PreparedStatement metadata = statements.get(FINISH_METADATA);
                metadata.setInt(1, outcome.retryCount());
                metadata.setString(2, outcome.circuitBreakerState());
                setDouble(metadata, 3, outcome.costUsd());
                metadata.setString(4, outcome.approvalDecision());
                metadata.setInt(5, outcome.optimizationApplied() ? 1 : 0);
                metadata.setString(6, thinking);
                setLong(metadata, 7, outcome.exitCode() == null ? null : outcome.exitCode().longValue());
                metadata.setString(8, outcome.errorMessage());
                metadata.setString(9, outcome.status().key());
                metadata.setString(10, outcome.asyncJobId());
                metadata.setString(11, outcome.requestId());
                if (metadata.executeUpdate() == 0) {
                    return false; // never started, or already finished: the first outcome stands
                }
                PreparedStatement request = statements.get(FINISH_REQUEST);
                request.setString(1, outcome.response());
                setLong(request, 2, outcome.durationMs());
                setLong(request, 3, outcome.inputTokens());
                setLong(request, 4, outcome.outputTokens());
                setLong(request, 5, outcome.cacheReadTokens());
                setLong(request, 6, outcome.cacheCreationTokens());
                request.setString(7, outcome.requestId());
                request.executeUpdate();
                return true;
            });
            if (!updated) {
                GatewayLog.debug("Flight recorder: no started request " + outcome.requestId()
                        + "; outcome not recorded");
            }
        } catch (SQLException | RuntimeException e) {
            GatewayLog.warn("Flight recorder: failed to record outcome of " + outcome.requestId() + ": "
                    + e.getMessage());
        }
    }

    @Override
    public synchronized void linkAsyncJob(String requestId, String asyncJobId) {
        if (requestId == null || asyncJobId == null || closed) {
            return;
        }
        try {
            PreparedStatement ps = statements.get(LINK_JOB);
            ps.setString(1, asyncJobId);
            ps.setString(2, requestId);
            ps.executeUpdate();
            checkpoints.wrote();
        } catch (SQLException e) {
            statements.close();
            GatewayLog.warn("Flight recorder: failed to link job " + asyncJobId + " to " + requestId + ": "
                    + e.getMessage());
        }
    }

    @Override
    public synchronized List<RecordedRequest> list(RequestQuery query) {
        if (closed) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder(SELECT_JOINED).append(" WHERE 1 = 1");
        List<String> values = new ArrayList<>();
        if (query.cli() != null) {
            sql.append(" AND r.cli = ?");
            values.add(query.cli());
        }
        if (query.status() != null) {
            sql.append(" AND m.status = ?");
            values.add(query.status());
        }
        if (query.since() != null) {
            sql.append(" AND r.datetime_utc >= ?");
            values.add(query.since());
        }
        if (query.until() != null) {
            sql.append(" AND r.datetime_utc < ?");
            values.add(query.until());
        }
        sql.append(" ORDER BY r.datetime_utc DESC, r.rowid DESC LIMIT ").append(query.limit());
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            return rows(ps);
        } catch (SQLException e) {
            GatewayLog.warn("Flight recorder: failed to list requests: " + e.getMessage());
            return List.of();
        }
    }

    @Override
    public synchronized List<RecordedRequest> find(String correlationId) {
        if (correlationId == null || closed) {
            return List.of();
        }
        // rowid breaks ties between rows started in the same millisecond: the later insert is the later request
        try (PreparedStatement ps = conn.prepareStatement(SELECT_JOINED + " WHERE r.correlation_id = ? "
                + "ORDER BY r.datetime_utc DESC, r.rowid DESC")) {
            ps.setString(1, correlationId);
            return rows(ps);
        } catch (SQLException e) {
            GatewayLog.warn("Flight recorder: failed to read request " + correlationId + ": " + e.getMessage());
            return List.of();
        }
    }

    private static List<RecordedRequest> rows(PreparedStatement ps) throws SQLException {
        List<RecordedRequest> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new RecordedRequest(rs.getString("correlation_id"), rs.getString("cli"), rs.getString("model"),
                        rs.getString("prompt"), rs.getString("system"), rs.getString("response"),
                        rs.getString("session_id"), longOrNull(rs, "duration_ms"), rs.getString("datetime_utc"),
                        longOrNull(rs, "input_tokens"), longOrNull(rs, "output_tokens"),
                        longOrNull(rs, "cache_read_tokens"), longOrNull(rs, "cache_creation_tokens"),
                        rs.getString("status"), intOrNull(rs, "exit_code"), rs.getString("error_message"),
                        rs.getString("async_job_id"), intOrNull(rs, "retry_count"), doubleOrNull(rs, "cost_usd"),
                        rs.getString("approval_decision"), rs.getString("working_dir")));
            }
        }
        return rows;
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(file);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        statements.close();
        try {
            conn.close();
        } catch (SQLException e) {
            GatewayLog.warn("Flight recorder: close failed: " + e.getMessage());
        }
    }

    private synchronized void checkpoint() {
        if (!closed) {
            WalCheckpoints.passive(conn, "flight recorder " + file);
        }
    }

    private interface Work {
        boolean run() throws SQLException;
    }

    /** Runs the work in one transaction: all of it is written, or none. */
    private boolean inTransaction(Work work) throws SQLException {
        conn.setAutoCommit(false);
        try {
            boolean commit = work.run();
            if (commit) {
                conn.commit();
                checkpoints.wrote();
            } else {
                conn.rollback();
            }
            return commit;
        } catch (SQLException | RuntimeException e) {
            statements.close(); // prepared afresh next time, whatever state the failure left them in
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(true);
        }
    }

    private static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null || !Double.isFinite(value)) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, value);
        }
    }
}
