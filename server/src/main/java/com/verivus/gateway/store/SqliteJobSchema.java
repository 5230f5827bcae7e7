package com.verivus.gateway.store;

import com.verivus.gateway.json.IsoTimestamps;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code jobs} schema and its migrations. Version 1 is the Node gateway's schema exactly (so a
 * logs.db it wrote is used as is, and one we write stays readable by it); later versions only add
 * nullable columns. Applied versions are recorded in {@code job_store_migrations} — not
 * {@code _migrations}, which belongs to the flight recorder in the same file. Each migration runs in
 * an IMMEDIATE transaction, so gateways starting at once on one file do not race.
 */
final class SqliteJobSchema {

    private record Migration(int version, String description, List<String> statements) {
    }

    static final int CURRENT_VERSION = 3;

    private static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "jobs table of llm-cli-gateway 1.5.x", List.of(
                    """
                    CREATE TABLE IF NOT EXISTS jobs (
                      id TEXT PRIMARY KEY,
                      correlation_id TEXT NOT NULL,
                      request_key TEXT NOT NULL,
                      cli TEXT NOT NULL,
                      args_json TEXT NOT NULL,
                      output_format TEXT,
                      status TEXT NOT NULL,
                      exit_code INTEGER,
                      stdout TEXT,
                      stderr TEXT,
                      output_truncated INTEGER NOT NULL DEFAULT 0,
                      error TEXT,
                      started_at TEXT NOT NULL,
                      finished_at TEXT,
                      pid INTEGER,
                      expires_at TEXT NOT NULL
                    )""",
                    "CREATE INDEX IF NOT EXISTS idx_jobs_request_key ON jobs(request_key)",
                    "CREATE INDEX IF NOT EXISTS idx_jobs_status ON jobs(status)",
                    "CREATE INDEX IF NOT EXISTS idx_jobs_expires_at ON jobs(expires_at)",
                    "CREATE INDEX IF NOT EXISTS idx_jobs_request_key_finished ON jobs(request_key, finished_at)")),
            new Migration(2, "owner of running rows and heartbeat (several gateways on one file)", List.of(
                    "ALTER TABLE jobs ADD COLUMN owner_host TEXT",
                    "ALTER TABLE jobs ADD COLUMN owner_pid INTEGER",
                    "ALTER TABLE jobs ADD COLUMN owner_started_at TEXT",
                    "ALTER TABLE jobs ADD COLUMN heartbeat_at TEXT")),
            new Migration(3, "working directory of a job run outside the gateway's own", List.of(
                    "ALTER TABLE jobs ADD COLUMN working_dir TEXT")));

    private SqliteJobSchema() {
    }

    /** Brings the file to {@link #CURRENT_VERSION}; returns the version found before. */
    static int migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS job_store_migrations (version INTEGER PRIMARY KEY, "
                    + "description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        }
        int found = version(c);
        for (Migration m : MIGRATIONS) {
            if (m.version() <= found) {
                continue;
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (version(c) < m.version()) {
                    apply(c, m);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
        return found;
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM job_store_migrations")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        Set<String> columns = columns(c);
        try (Statement s = c.createStatement()) {
            for (String sql : m.statements()) {
                // a column may already exist when a file was migrated by hand or half-way
                if (sql.startsWith("ALTER TABLE jobs ADD COLUMN ")
                        && columns.contains(sql.substring("ALTER TABLE jobs ADD COLUMN ".length()).split(" ")[0])) {
                    continue;
                }
                s.execute(sql);
            }
        }
        try (var ps = c.prepareStatement(
                "INSERT INTO job_store_migrations (version, description, applied_at) VALUES (?, ?, ?)")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.description());
            ps.setString(3, IsoTimestamps.format(Instant.now()));
            ps.executeUpdate();
        }
    }

    private static Set<String> columns(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(jobs)")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
