package com.verivus.gateway.recorder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The recorder's tables in logs.db, the Node gateway's plus one column, so an existing database keeps
 * working: {@code _migrations} (versions 1 to 3), {@code requests}, {@code gateway_metadata} and six
 * indexes. Version 2 added the cache token columns; an older {@code requests} table gets them in place.
 * Version 3 added {@code requests.correlation_id}: the Node gateway used the caller's correlation id as
 * the row id, so a reused one lost every request after the first; now each row has its own id and the
 * correlation id is a column. Rows written before version 3 get their id copied into it.
 * The job store's {@code jobs} table in the same file is none of this class's business.
 */
final class RecorderSchema {

    /** ISO-8601 UTC with exactly three fraction digits, as JavaScript's toISOString prints. */
    static final DateTimeFormatter ISO_MILLIS = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    private static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS requests (id TEXT PRIMARY KEY, cli TEXT NOT NULL, model TEXT NOT NULL, "
                    + "prompt TEXT NOT NULL, system TEXT, response TEXT, session_id TEXT, duration_ms INTEGER, "
                    + "datetime_utc TEXT NOT NULL, input_tokens INTEGER, output_tokens INTEGER, "
                    + "cache_read_tokens INTEGER, cache_creation_tokens INTEGER)",
            "CREATE TABLE IF NOT EXISTS gateway_metadata (request_id TEXT PRIMARY KEY REFERENCES requests(id), "
                    + "retry_count INTEGER DEFAULT 0, circuit_breaker_state TEXT, cost_usd REAL, "
                    + "approval_decision TEXT, optimization_applied INTEGER DEFAULT 0, thinking_blocks TEXT, "
                    + "exit_code INTEGER, error_message TEXT, async_job_id TEXT, "
                    + "status TEXT NOT NULL DEFAULT 'started')",
            "CREATE INDEX IF NOT EXISTS idx_requests_datetime ON requests(datetime_utc)",
            "CREATE INDEX IF NOT EXISTS idx_requests_model ON requests(model)",
            "CREATE INDEX IF NOT EXISTS idx_requests_cli ON requests(cli)",
            "CREATE INDEX IF NOT EXISTS idx_requests_session ON requests(session_id)",
            "CREATE INDEX IF NOT EXISTS idx_metadata_status ON gateway_metadata(status)");

    /** Migration 3: the caller's correlation id as a label column, indexed for lookups by it. */
    private static final List<String> CORRELATION_COLUMN = List.of(
            "ALTER TABLE requests ADD COLUMN correlation_id TEXT",
            "UPDATE requests SET correlation_id = id WHERE correlation_id IS NULL");
    private static final String CORRELATION_INDEX =
            "CREATE INDEX IF NOT EXISTS idx_requests_correlation ON requests(correlation_id)";
    static final int VERSION = 3;

    /** Columns added by migration 2 to a version-1 requests table. */
    static final List<String> CACHE_COLUMNS = List.of("cache_read_tokens", "cache_creation_tokens");

    /**
     * The directory a request's CLI ran in (null: the gateway's own). Added in place to any requests
     * table that lacks it; the Node gateway ignores columns it does not know, and no _migrations
     * version is claimed for it, so a Node migration 3 could never collide with it.
     */
    static final String WORKING_DIR_COLUMN = "working_dir";

    private RecorderSchema() {
    }

    static String now() {
        return ISO_MILLIS.format(Instant.now());
    }

    /** Creates what is missing and migrates forward, in one transaction; safe to run on every open. */
    static void apply(Connection conn) throws SQLException {
        boolean autoCommit = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            for (String ddl : TABLES) {
                st.execute(ddl);
            }
            Set<String> columns = columns(conn, "requests");
            for (String column : CACHE_COLUMNS) {
                if (!columns.contains(column)) {
                    st.execute("ALTER TABLE requests ADD COLUMN " + column + " INTEGER");
                }
            }
            if (!columns.contains(WORKING_DIR_COLUMN)) {
                st.execute("ALTER TABLE requests ADD COLUMN " + WORKING_DIR_COLUMN + " TEXT");
            }
            if (!columns.contains("correlation_id")) {
                for (String ddl : CORRELATION_COLUMN) {
                    st.execute(ddl);
                }
            }
            st.execute(CORRELATION_INDEX);
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT OR IGNORE INTO _migrations (version, applied_at) VALUES (?, ?)")) {
                String now = now();
                for (int version = 1; version <= VERSION; version++) {
                    ps.setInt(1, version);
                    ps.setString(2, now);
                    ps.executeUpdate();
                }
            }
            conn.commit();
        } catch (SQLException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(autoCommit);
        }
    }

    static Set<String> columns(Connection conn, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
