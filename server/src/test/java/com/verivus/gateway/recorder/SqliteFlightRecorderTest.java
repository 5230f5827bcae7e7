package com.verivus.gateway.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.verivus.gateway.provider.CliName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqliteFlightRecorderTest extends FlightRecorderContractTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    Path db;

    @Override
    FlightRecorder newRecorder(Path dir) throws Exception {
        db = dir.resolve("nested/state/logs.db");
        return SqliteFlightRecorder.open(db);
    }

    @Test
    void aRequestIsReadBackByCorrelationIdWithItsWorkingDirectoryOutcomeAndJob() {
        recorder.logStart(new RequestStart("read-1", CliName.CODEX, "gpt", "the prompt", null, "s-1", null, null,
                "/srv/app"));
        assertThat(recorder.find("read-1")).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("started");
            assertThat(r.response()).isNull();
            assertThat(r.workingDir()).isEqualTo("/srv/app");
        });
        recorder.linkAsyncJob("read-1", "job-9");
        recorder.logComplete(RequestOutcome.completed("read-1").response("the answer").durationMs(1234L).exitCode(0)
                .tokens(1L, 2L, 3L, 4L).build());

        RecordedRequest r = recorder.find("read-1").getFirst();
        assertThat(r.summary()).containsEntry("correlationId", "read-1").containsEntry("cli", "codex")
                .containsEntry("model", "gpt").containsEntry("status", "completed").containsEntry("durationMs", 1234L)
                .containsEntry("exitCode", 0).containsEntry("asyncJobId", "job-9").containsEntry("workingDir", "/srv/app")
                .containsEntry("sessionId", "s-1").containsEntry("inputTokens", 1L).containsEntry("cacheCreationTokens", 4L);
        assertThat(r.response()).isEqualTo("the answer");
        assertThat(recorder.find("unknown")).isEmpty();
    }

    @Test
    void createsParentDirectoriesAndAnOwnerOnlyFile() throws Exception {
        assertThat(db).exists();
        assertThat(recorder.file()).contains(db);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
    }

    @Test
    void schemaIsTheNodeGatewaysPlusTheWorkingDirectoryAndCorrelationIdColumns() throws Exception {
        assertThat(RecorderDatabase.columns(db, "requests")).containsExactly("id", "cli", "model", "prompt", "system",
                "response", "session_id", "duration_ms", "datetime_utc", "input_tokens", "output_tokens",
                "cache_read_tokens", "cache_creation_tokens", "working_dir", "correlation_id");
        assertThat(RecorderDatabase.columns(db, "gateway_metadata")).containsExactly("request_id", "retry_count",
                "circuit_breaker_state", "cost_usd", "approval_decision", "optimization_applied", "thinking_blocks",
                "exit_code", "error_message", "async_job_id", "status");
        assertThat(RecorderDatabase.columns(db, "_migrations")).containsExactly("version", "applied_at");
        assertThat(RecorderDatabase.query(db, "SELECT version FROM _migrations ORDER BY version"))
                .extracting(r -> r.get("version")).containsExactly(1, 2, 3);
        assertThat(RecorderDatabase.query(db, "SELECT applied_at FROM _migrations"))
                .allSatisfy(r -> assertThat((String) r.get("applied_at")).matches(ISO_MILLIS));
        assertThat(RecorderDatabase.query(db, "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' "
                + "AND name LIKE 'idx_%' ORDER BY name")).containsExactly(
                Map.of("name", "idx_metadata_status", "tbl_name", "gateway_metadata"),
                Map.of("name", "idx_requests_cli", "tbl_name", "requests"),
                Map.of("name", "idx_requests_correlation", "tbl_name", "requests"),
                Map.of("name", "idx_requests_datetime", "tbl_name", "requests"),
                Map.of("name", "idx_requests_model", "tbl_name", "requests"),
                Map.of("name", "idx_requests_session", "tbl_name", "requests"));
        assertThat(RecorderDatabase.query(db, "PRAGMA journal_mode").get(0)).containsValue("wal");
        assertThat(RecorderDatabase.query(db, "SELECT sql FROM sqlite_master WHERE name = 'gateway_metadata'")
                .get(0).get("sql").toString()).contains("REFERENCES requests(id)");
    }

    @Test
    void startWritesEveryColumnOfBothRows() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        recorder.logStart(new RequestStart("corr-1", CliName.MISTRAL, "devstral-medium", "Explain WAL",
                "be brief", "sess-9", "job-7"));

        Map<String, Object> req = RecorderDatabase.request(db, "corr-1");
        assertThat(req).containsExactly(entry("id", "corr-1"), entry("cli", "mistral"), entry("model", "devstral-medium"),
                entry("prompt", "Explain WAL"), entry("system", "be brief"), entry("response", null),
                entry("session_id", "sess-9"), entry("duration_ms", null), entry("datetime_utc", req.get("datetime_utc")),
                entry("input_tokens", null), entry("output_tokens", null), entry("cache_read_tokens", null),
                entry("cache_creation_tokens", null), entry("working_dir", null), entry("correlation_id", "corr-1"));
        String when = (String) req.get("datetime_utc");
        assertThat(when).matches(ISO_MILLIS);
        assertThat(Instant.parse(when)).isBetween(before, Instant.now().plusMillis(1));

        assertThat(RecorderDatabase.metadata(db, "corr-1")).containsExactly(entry("request_id", "corr-1"),
                entry("retry_count", 0), entry("circuit_breaker_state", null), entry("cost_usd", null),
                entry("approval_decision", null), entry("optimization_applied", 0), entry("thinking_blocks", null),
                entry("exit_code", null), entry("error_message", null), entry("async_job_id", "job-7"),
                entry("status", "started"));
    }

    @Test
    void requestsSharingACorrelationIdAreRecordedAndCompletedEachInItsOwnRow() throws Exception {
        for (String id : List.of("r-1", "r-2", "r-3")) {
            recorder.logStart(new RequestStart(id, CliName.CLAUDE, "sonnet", "prompt " + id, null, null, null,
                    "shared"));
        }
        recorder.logComplete(RequestOutcome.completed("r-2").response("second").build());

        assertThat(RecorderDatabase.query(db, "SELECT id, status FROM requests JOIN gateway_metadata "
                + "ON request_id = id WHERE correlation_id = 'shared' ORDER BY id")).containsExactly(
                Map.of("id", "r-1", "status", "started"),
                Map.of("id", "r-2", "status", "completed"),
                Map.of("id", "r-3", "status", "started"));
        assertThat(RecorderDatabase.request(db, "r-2")).containsEntry("response", "second");
    }

    @Test
    void startWithoutModelRecordsDefaultAndNullsForAbsentFields() throws Exception {
        recorder.logStart(new RequestStart("corr-2", CliName.CODEX, null, "p", null, null));
        assertThat(RecorderDatabase.request(db, "corr-2")).containsEntry("model", "default")
                .containsEntry("system", null).containsEntry("session_id", null);
        assertThat(RecorderDatabase.metadata(db, "corr-2")).containsEntry("async_job_id", null);
    }

    @Test
    void completionWritesEveryColumnOfBothRows() throws Exception {
        recorder.logStart(new RequestStart("corr-3", CliName.CLAUDE, "sonnet", "Review this", null, "s-1"));
        recorder.logComplete(RequestOutcome.completed("corr-3").response("Looks good").durationMs(1234)
                .tokens(100L, 20L, 300L, 40L).costUsd(0.0125).retryCount(2).circuitBreakerState("half_open")
                .approvalDecision("approved").optimizationApplied(true).thinkingBlocks(List.of("first", "then"))
                .exitCode(0).asyncJobId("job-3").build());

        Map<String, Object> req = RecorderDatabase.request(db, "corr-3");
        assertThat(req).containsExactly(entry("id", "corr-3"), entry("cli", "claude"), entry("model", "sonnet"),
                entry("prompt", "Review this"), entry("system", null), entry("response", "Looks good"),
                entry("session_id", "s-1"), entry("duration_ms", 1234), entry("datetime_utc", req.get("datetime_utc")),
                entry("input_tokens", 100), entry("output_tokens", 20), entry("cache_read_tokens", 300),
                entry("cache_creation_tokens", 40), entry("working_dir", null), entry("correlation_id", "corr-3"));
        assertThat(RecorderDatabase.metadata(db, "corr-3")).containsExactly(entry("request_id", "corr-3"),
                entry("retry_count", 2), entry("circuit_breaker_state", "half_open"), entry("cost_usd", 0.0125),
                entry("approval_decision", "approved"), entry("optimization_applied", 1),
                entry("thinking_blocks", "[\"first\",\"then\"]"), entry("exit_code", 0), entry("error_message", null),
                entry("async_job_id", "job-3"), entry("status", "completed"));
    }

    @Test
    void failureRecordsExitCodeAndErrorAndLeavesTokensNull() throws Exception {
        recorder.logStart(new RequestStart("corr-4", CliName.GEMINI, "pro", "p", null, null));
        recorder.logComplete(RequestOutcome.failed("corr-4").response("boom on stderr").durationMs(50).exitCode(2)
                .errorMessage("boom on stderr").build());
        assertThat(RecorderDatabase.request(db, "corr-4")).containsEntry("response", "boom on stderr")
                .containsEntry("duration_ms", 50).containsEntry("input_tokens", null).containsEntry("output_tokens", null);
        assertThat(RecorderDatabase.metadata(db, "corr-4")).containsEntry("status", "failed").containsEntry("exit_code", 2)
                .containsEntry("error_message", "boom on stderr").containsEntry("circuit_breaker_state", "closed")
                .containsEntry("optimization_applied", 0).containsEntry("cost_usd", null);
    }

    @Test
    void duplicateStartKeepsTheFirstRow() throws Exception {
        recorder.logStart(new RequestStart("dup", CliName.GROK, "grok-4", "first prompt", null, null));
        recorder.logStart(new RequestStart("dup", CliName.GROK, "grok-4", "second prompt", null, null));
        assertThat(RecorderDatabase.query(db, "SELECT prompt FROM requests WHERE id = 'dup'"))
                .extracting(r -> r.get("prompt")).containsExactly("first prompt");
        assertThat(RecorderDatabase.query(db, "SELECT count(*) AS n FROM gateway_metadata").get(0)).containsEntry("n", 1);
    }

    @Test
    void secondCompletionChangesNothing() throws Exception {
        recorder.logStart(new RequestStart("once", CliName.CODEX, "gpt-5.5", "p", null, null));
        recorder.logComplete(RequestOutcome.completed("once").response("first answer").durationMs(10).exitCode(0).build());
        recorder.logComplete(RequestOutcome.failed("once").response("late failure").durationMs(99).exitCode(1)
                .errorMessage("late").asyncJobId("job-x").build());
        assertThat(RecorderDatabase.request(db, "once")).containsEntry("response", "first answer")
                .containsEntry("duration_ms", 10);
        assertThat(RecorderDatabase.metadata(db, "once")).containsEntry("status", "completed")
                .containsEntry("exit_code", 0).containsEntry("error_message", null).containsEntry("async_job_id", null);
    }

    @Test
    void completionOfAnUnrecordedRequestCreatesNothing() throws Exception {
        recorder.logComplete(RequestOutcome.completed("ghost").response("x").build());
        assertThat(RecorderDatabase.request(db, "ghost")).isNull();
        assertThat(RecorderDatabase.metadata(db, "ghost")).isNull();
    }

    @Test
    void deferredRequestIsLinkedToItsJobAndFinishedLater() throws Exception {
        recorder.logStart(new RequestStart("deferred", CliName.CLAUDE, "opus", "long task", null, null));
        recorder.linkAsyncJob("deferred", "job-42");
        assertThat(RecorderDatabase.metadata(db, "deferred")).containsEntry("async_job_id", "job-42")
                .containsEntry("status", "started");
        recorder.logComplete(RequestOutcome.completed("deferred").response("done").durationMs(90_000).build());
        assertThat(RecorderDatabase.metadata(db, "deferred")).containsEntry("async_job_id", "job-42")
                .containsEntry("status", "completed");
    }

    @Test
    void canceledAndOrphanedAreRecordedByName() throws Exception {
        recorder.logStart(new RequestStart("c", CliName.CODEX, "m", "p", null, null, "j1"));
        recorder.logStart(new RequestStart("o", CliName.CODEX, "m", "p", null, null, "j2"));
        recorder.logComplete(RequestOutcome.builder("c", RequestStatus.CANCELED).build());
        recorder.logComplete(RequestOutcome.builder("o", RequestStatus.ORPHANED)
                .errorMessage("Gateway restarted while job was running").build());
        assertThat(RecorderDatabase.metadata(db, "c")).containsEntry("status", "canceled");
        assertThat(RecorderDatabase.metadata(db, "o")).containsEntry("status", "orphaned");
    }

    @Test
    void nonFiniteCostIsStoredAsNull() throws Exception {
        recorder.logStart(new RequestStart("nan", CliName.CLAUDE, "m", "p", null, null));
        recorder.logComplete(RequestOutcome.completed("nan").costUsd(Double.NaN).build());
        assertThat(RecorderDatabase.metadata(db, "nan")).containsEntry("cost_usd", null);
    }

    @Test
    void hugeThinkingBlocksAreCappedAndMarked() throws Exception {
        recorder.logStart(new RequestStart("think", CliName.CLAUDE, "m", "p", null, null));
        recorder.logComplete(RequestOutcome.completed("think").thinkingBlocks(List.of("é".repeat(700_000))).build());
        String stored = (String) RecorderDatabase.metadata(db, "think").get("thinking_blocks");
        assertThat(stored).startsWith("[\"éé").endsWith(ThinkingBlocks.MARKER);
        assertThat(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(ThinkingBlocks.MAX_BYTES);
    }

    @Test
    void leavesTheJobStoresTableAlone() throws Exception {
        recorder.close();
        RecorderDatabase.execute(db, "CREATE TABLE jobs (id TEXT PRIMARY KEY, status TEXT NOT NULL)",
                "INSERT INTO jobs VALUES ('j1', 'running')");
        recorder = SqliteFlightRecorder.open(db);
        recorder.logStart(new RequestStart("beside-jobs", CliName.CLAUDE, "m", "p", null, null, "j1"));
        assertThat(RecorderDatabase.query(db, "SELECT * FROM jobs")).containsExactly(Map.of("id", "j1", "status", "running"));
        assertThat(RecorderDatabase.metadata(db, "beside-jobs")).containsEntry("async_job_id", "j1");
    }

    @Test
    void waitsForAnotherConnectionsWriteInsteadOfLosingTheRow() throws Exception {
        // the job store writes to the same file through its own connection
        try (java.sql.Connection jobStore = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement st = jobStore.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.execute("CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY)");
            Thread release = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(500);
                    st.execute("COMMIT");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            recorder.logStart(new RequestStart("while-locked", CliName.CODEX, "m", "p", null, null));
            release.join();
        }
        assertThat(RecorderDatabase.metadata(db, "while-locked")).containsEntry("status", "started");
    }

    @Test
    void recordsFromSeveralThreadsWithoutLosingRows() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int n = t;
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 25; i++) {
                    String id = "t" + n + "-" + i;
                    recorder.logStart(new RequestStart(id, CliName.CODEX, "m", "p", null, null));
                    recorder.logComplete(RequestOutcome.completed(id).durationMs(i).build());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(RecorderDatabase.query(db, "SELECT count(*) AS n FROM gateway_metadata WHERE status = 'completed'")
                .get(0)).containsEntry("n", 100);
    }
}
