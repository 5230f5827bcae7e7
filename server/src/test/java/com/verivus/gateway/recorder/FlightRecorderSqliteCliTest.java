package com.verivus.gateway.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.verivus.gateway.provider.CliName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the recorder's file with the sqlite3 command-line tool, as a user browsing their history would,
 * while the gateway still holds it open. Needs /usr/bin/sqlite3 (apt-get install -y sqlite3).
 */
class FlightRecorderSqliteCliTest {

    private static final Path SQLITE3 = Path.of("/usr/bin/sqlite3");

    @TempDir
    Path dir;

    @BeforeEach
    void needsTheSqlite3Tool() {
        assumeTrue(Files.isExecutable(SQLITE3),
                "skipped: /usr/bin/sqlite3 is not installed (apt-get install -y sqlite3)");
    }

    private static String sqlite3(Path db, String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(SQLITE3.toString(), "-readonly", "-separator", "|", db.toString(), sql)
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("sqlite3 finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("sqlite3 exit code, output: %s", out).isZero();
        return out;
    }

    @Test
    void aUserCanQueryRequestsJoinedWithTheirOutcome() throws Exception {
        Path db = dir.resolve("logs.db");
        try (FlightRecorder recorder = SqliteFlightRecorder.open(db)) {
            recorder.logStart(new RequestStart("a", CliName.CLAUDE, "sonnet", "one", null, null));
            recorder.logStart(new RequestStart("b", CliName.CODEX, "gpt-5.5", "two", null, null));
            recorder.logStart(new RequestStart("c", CliName.MISTRAL, "devstral-medium", "three", null, null));
            recorder.logComplete(RequestOutcome.completed("a").response("ok").durationMs(10).tokens(5L, 6L, null, null)
                    .build());
            recorder.logComplete(RequestOutcome.failed("b").exitCode(3).errorMessage("Exit code 3").build());

            // read while the gateway still has the database open (WAL lets readers in)
            String out = sqlite3(db, "select cli, model, status from requests join gateway_metadata "
                    + "on gateway_metadata.request_id = requests.id order by cli");
            assertThat(out.lines()).containsExactly("claude|sonnet|completed", "codex|gpt-5.5|failed",
                    "mistral|devstral-medium|started");
        }

        String totals = sqlite3(db, "select status, count(*), coalesce(sum(input_tokens), 0) from requests "
                + "join gateway_metadata on request_id = id group by status order by status");
        assertThat(totals.lines()).containsExactly("completed|1|5", "failed|1|0", "started|1|0");
        assertThat(sqlite3(db, "pragma journal_mode").strip()).isEqualTo("wal");
    }
}
