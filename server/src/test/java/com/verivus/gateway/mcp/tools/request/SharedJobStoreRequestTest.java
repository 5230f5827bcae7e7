package com.verivus.gateway.mcp.tools.request;

import static com.verivus.gateway.mcp.tools.request.RequestGateway.eventually;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on one SQLite job store file: an async request deduplicated onto a job the other gateway
 * runs is booked by its own gateway (recorder row, metrics) when that job ends.
 */
class SharedJobStoreRequestTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void a_request_deduplicated_onto_another_gateways_job_is_booked_when_that_job_ends() {
        Path shared = dir.resolve("shared").resolve("jobs.db");
        String toml = "[persistence]\nbackend = \"sqlite\"\npath = \"" + shared + "\"\n";
        RequestGateway.writeConfig(dir.resolve("a"), toml);
        RequestGateway.writeConfig(dir.resolve("b"), toml);
        Map<String, String> slow = Map.of("FAKE_CLI_MODE", "slow", "FAKE_CLI_SLEEP_MS", "1500");
        try (RequestGateway a = RequestGateway.start(dir.resolve("a"), slow);
             RequestGateway b = RequestGateway.start(dir.resolve("b"), slow)) {
            String runs = jobId(json(a.call("gemini_request_async", Map.of("prompt", "one question for two gateways",
                    "correlationId", "on-a"))));
            String joins = jobId(json(b.call("gemini_request_async", Map.of("prompt", "one question for two gateways",
                    "correlationId", "on-b"))));

            assertThat(joins).as("deduplicated across the gateways").isEqualTo(runs);
            assertThat(b.fakes.records()).isEmpty();
            // the flight recorder shares the configured file too; the row is the one gateway b wrote
            eventually(WAIT, () -> "completed".equals(row(shared, "on-b").get("status")), "gateway b's recorder row");
            assertThat(row(shared, "on-b")).containsEntry("async_job_id", runs)
                    .containsEntry("response", "fake gemini answer: one question for two gateways\n");
            assertThat(b.metrics()).containsEntry("totalRequests", 1L);
        }
    }

    private static Map<String, Object> row(Path db, String correlationId) {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = conn.prepareStatement("SELECT m.status, m.async_job_id, r.response "
                     + "FROM requests r JOIN gateway_metadata m ON m.request_id = r.id WHERE r.correlation_id = ?")) {
            ps.setString(1, correlationId);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Object> row = new HashMap<>();
                if (rs.next()) {
                    row.put("status", rs.getString(1));
                    row.put("async_job_id", rs.getString(2));
                    row.put("response", rs.getString(3));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String jobId(Map<String, Object> body) {
        return (String) ((Map<String, Object>) body.get("job")).get("id");
    }
}
