package com.verivus.gateway.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A logs.db written by an older Node gateway (schema version 1) moves forward in place. */
class RecorderMigrationTest {

    @TempDir
    Path dir;

    /** The version-1 schema: requests without the cache token columns, migration row 1 only. */
    private Path versionOneDatabase() throws Exception {
        Path db = dir.resolve("logs.db");
        RecorderDatabase.execute(db,
                "CREATE TABLE _migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
                "INSERT INTO _migrations VALUES (1, '2025-01-02T03:04:05.678Z')",
                "CREATE TABLE requests (id TEXT PRIMARY KEY, cli TEXT NOT NULL, model TEXT NOT NULL, "
                        + "prompt TEXT NOT NULL, system TEXT, response TEXT, session_id TEXT, duration_ms INTEGER, "
                        + "datetime_utc TEXT NOT NULL, input_tokens INTEGER, output_tokens INTEGER)",
                "CREATE TABLE gateway_metadata (request_id TEXT PRIMARY KEY REFERENCES requests(id), "
                        + "retry_count INTEGER DEFAULT 0, circuit_breaker_state TEXT, cost_usd REAL, "
                        + "approval_decision TEXT, optimization_applied INTEGER DEFAULT 0, thinking_blocks TEXT, "
                        + "exit_code INTEGER, error_message TEXT, async_job_id TEXT, "
                        + "status TEXT NOT NULL DEFAULT 'started')",
                "CREATE INDEX idx_requests_datetime ON requests(datetime_utc)",
                "INSERT INTO requests (id, cli, model, prompt, response, duration_ms, datetime_utc, input_tokens, "
                        + "output_tokens) VALUES ('old-1', 'codex', 'gpt-5', 'old prompt', 'old answer', 42, "
                        + "'2025-01-02T03:04:05.678Z', 7, 8)",
                "INSERT INTO gateway_metadata (request_id, circuit_breaker_state, exit_code, status) "
                        + "VALUES ('old-1', 'closed', 0, 'completed')");
        return db;
    }

    @Test
    void versionOneDatabaseGainsCacheColumnsAndKeepsItsRows() throws Exception {
        Path db = versionOneDatabase();
        assertThat(RecorderDatabase.columns(db, "requests")).doesNotContain("cache_read_tokens");

        try (FlightRecorder recorder = SqliteFlightRecorder.open(db)) {
            recorder.logStart(new RequestStart("new-1", CliName.CLAUDE, "sonnet", "new prompt", null, null));
            recorder.logComplete(RequestOutcome.completed("new-1").tokens(1L, 2L, 3L, 4L).build());
        }

        assertThat(RecorderDatabase.columns(db, "requests")).endsWith("cache_read_tokens", "cache_creation_tokens",
                "working_dir", "correlation_id");
        Map<String, Object> old = RecorderDatabase.request(db, "old-1");
        assertThat(old).containsEntry("prompt", "old prompt").containsEntry("response", "old answer")
                .containsEntry("duration_ms", 42).containsEntry("input_tokens", 7).containsEntry("output_tokens", 8)
                .containsEntry("cache_read_tokens", null).containsEntry("cache_creation_tokens", null)
                .containsEntry("correlation_id", "old-1"); // the Node gateway's row id was the correlation id
        assertThat(RecorderDatabase.metadata(db, "old-1")).containsEntry("status", "completed");
        assertThat(RecorderDatabase.request(db, "new-1")).containsEntry("cache_read_tokens", 3)
                .containsEntry("cache_creation_tokens", 4);
        List<Map<String, Object>> migrations = RecorderDatabase.query(db, "SELECT * FROM _migrations ORDER BY version");
        assertThat(migrations).extracting(r -> r.get("version")).containsExactly(1, 2, 3);
        assertThat(migrations.get(0)).containsEntry("applied_at", "2025-01-02T03:04:05.678Z");
        assertThat(RecorderDatabase.query(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%'"))
                .hasSize(6);
    }

    @Test
    void reopeningIsIdempotent() throws Exception {
        Path db = versionOneDatabase();
        SqliteFlightRecorder.open(db).close();
        List<Map<String, Object>> migrationsAfterFirst = RecorderDatabase.query(db, "SELECT * FROM _migrations");
        List<String> columnsAfterFirst = RecorderDatabase.columns(db, "requests");

        SqliteFlightRecorder.open(db).close();
        SqliteFlightRecorder.open(db).close();

        assertThat(RecorderDatabase.query(db, "SELECT * FROM _migrations")).isEqualTo(migrationsAfterFirst);
        assertThat(RecorderDatabase.columns(db, "requests")).isEqualTo(columnsAfterFirst);
        assertThat(RecorderDatabase.query(db, "SELECT id FROM requests")).extracting(r -> r.get("id"))
                .containsExactly("old-1");
    }
}
