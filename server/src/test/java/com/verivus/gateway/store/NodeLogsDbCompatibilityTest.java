package com.verivus.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A logs.db as llm-cli-gateway 1.5.14 leaves it — its DDL and rows written with plain JDBC, a flight
 * recorder {@code _migrations} table beside it — is opened and read without losing anything.
 */
class NodeLogsDbCompatibilityTest {

    private static final String NODE_DDL = """
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
            );
            CREATE INDEX IF NOT EXISTS idx_jobs_request_key ON jobs(request_key);
            CREATE INDEX IF NOT EXISTS idx_jobs_status ON jobs(status);
            CREATE INDEX IF NOT EXISTS idx_jobs_expires_at ON jobs(expires_at);
            CREATE INDEX IF NOT EXISTS idx_jobs_request_key_finished ON jobs(request_key, finished_at);
            """;

    /** The Node key of claude ["-p","hello"] without env. */
    private static final String NODE_KEY = "df2387c164e4b06b83817fcd49989dfdcc19e535fbc94e3219bf695d11e81493";

    @TempDir
    Path dir;

    private Path nodeDb() throws Exception {
        Path file = dir.resolve("logs.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            for (String sql : NODE_DDL.split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
            s.execute("CREATE TABLE _migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            s.execute("INSERT INTO _migrations (name) VALUES ('flight-recorder-v2')");
            s.execute("""
                    INSERT INTO jobs (id, correlation_id, request_key, cli, args_json, output_format, status, exit_code,
                                      stdout, stderr, output_truncated, error, started_at, finished_at, pid, expires_at)
                    VALUES ('done-1', 'corr-1', '%s', 'claude', '["-p","hello"]', NULL, 'completed', 0,
                            'Hello from Node', '', 0, NULL, '2026-05-24T10:11:12.345Z', '2026-05-24T10:11:15.000Z',
                            4711, '2026-06-23T10:11:15.000Z')""".formatted(NODE_KEY));
            s.execute("""
                    INSERT INTO jobs (id, correlation_id, request_key, cli, args_json, output_format, status, exit_code,
                                      stdout, stderr, output_truncated, error, started_at, finished_at, pid, expires_at)
                    VALUES ('fail-1', 'corr-2', 'k2', 'mistral', '["-p","x \\"q\\" ü"]', 'stream-json', 'failed', 127,
                            '', 'The ''mistral'' command was not found.', 0,
                            'The ''mistral'' command was not found.', '2026-05-24T10:00:00.000Z',
                            '2026-05-24T10:00:00.010Z', NULL, '2026-06-23T10:00:00.010Z')""");
            s.execute("""
                    INSERT INTO jobs (id, correlation_id, request_key, cli, args_json, output_format, status, exit_code,
                                      stdout, stderr, output_truncated, error, started_at, finished_at, pid, expires_at)
                    VALUES ('run-1', 'corr-3', 'k3', 'codex', '[]', NULL, 'running', NULL,
                            'half', NULL, 0, NULL, '2020-01-01T00:00:00.000Z', NULL, 99999, '9999-12-31T23:59:59.999Z')""");
        }
        return file;
    }

    @Test
    void nodeRowsAreReadWithEveryField() throws Exception {
        Path file = nodeDb();
        try (SqliteJobStore store = SqliteJobStore.open(file, 86_400_000L)) {
            JobRecord done = store.find("done-1").orElseThrow();
            assertThat(done.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(done.cli()).isEqualTo("claude");
            assertThat(done.args()).containsExactly("-p", "hello");
            assertThat(done.exitCode()).isZero();
            assertThat(done.stdout()).isEqualTo("Hello from Node");
            assertThat(done.startedAt()).isEqualTo(Instant.parse("2026-05-24T10:11:12.345Z"));
            assertThat(done.finishedAt()).isEqualTo(Instant.parse("2026-05-24T10:11:15.000Z"));
            assertThat(done.pid()).isEqualTo(4711L);
            assertThat(done.owner()).isNull();
            assertThat(done.heartbeatAt()).isNull();

            JobRecord failed = store.find("fail-1").orElseThrow();
            assertThat(failed.args()).containsExactly("-p", "x \"q\" ü");
            assertThat(failed.outputFormat()).isEqualTo("stream-json");
            assertThat(failed.exitCode()).isEqualTo(127);
            assertThat(failed.pid()).isNull();

            JobRecord running = store.find("run-1").orElseThrow();
            assertThat(running.stderr()).isEmpty(); // NULL stderr reads as ""
            assertThat(running.lease().lastSignOfLife()).isEqualTo(Instant.parse("2020-01-01T00:00:00.000Z"));
        }
    }

    @Test
    void nodeKeysDedupAgainstNodeRows() throws Exception {
        Path file = nodeDb();
        try (SqliteJobStore store = SqliteJobStore.open(file, 86_400_000L)) {
            String key = com.verivus.gateway.job.RequestKey.of("claude", java.util.List.of("-p", "hello"),
                    java.util.Map.of());
            assertThat(store.findReusable(key, Instant.parse("2026-05-24T00:00:00.000Z")).map(JobRecord::id))
                    .contains("done-1");
        }
    }

    @Test
    void migrationOnlyAddsNullableColumnsAndLeavesTheFlightRecorderTableAlone() throws Exception {
        Path file = nodeDb();
        SqliteJobStore.open(file, 86_400_000L).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            Set<String> columns = new HashSet<>();
            try (ResultSet rs = s.executeQuery("PRAGMA table_info(jobs)")) {
                while (rs.next()) {
                    columns.add(rs.getString("name"));
                    if (rs.getString("name").startsWith("owner_") || rs.getString("name").equals("heartbeat_at")) {
                        assertThat(rs.getInt("notnull")).isZero();
                    }
                }
            }
            assertThat(columns).contains("id", "correlation_id", "request_key", "cli", "args_json", "output_format",
                    "status", "exit_code", "stdout", "stderr", "output_truncated", "error", "started_at",
                    "finished_at", "pid", "expires_at", "owner_host", "owner_pid", "owner_started_at", "heartbeat_at");
            try (ResultSet rs = s.executeQuery("SELECT name FROM _migrations")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("flight-recorder-v2");
                assertThat(rs.next()).isFalse();
            }
            // the Node gateway's own INSERT (no owner columns) still works on the migrated table
            s.execute("""
                    INSERT INTO jobs (id, correlation_id, request_key, cli, args_json, output_format, status, exit_code,
                                      stdout, stderr, output_truncated, error, started_at, finished_at, pid, expires_at)
                    VALUES ('node-after', 'c', 'k', 'gemini', '[]', NULL, 'running', NULL, '', '', 0, NULL,
                            '2026-05-24T10:11:12.345Z', NULL, 1, '9999-12-31T23:59:59.999Z')""");
        }
    }
}
