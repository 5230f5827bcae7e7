package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider request tools of the real gateway process, driven over stdio by the MCP SDK's own client.
 * A sync call per CLI and an async job polled to completion are scenarios of {@link AbstractMcpScenarioSuite},
 * on both transports.
 */
class RequestToolsE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path tools;

    private GatewayProcess.Builder gateway(FakeClis fakes, Map<String, String> extra) {
        return GatewayProcess.builder(home).env(fakes.env(extra));
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }

    private static Map<String, Object> json(CallToolResult r) throws IOException {
        return JSON.readValue(text(r), new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> body) {
        return (Map<String, Object>) body.get("job");
    }

    @Test
    void aSlowSyncCallSendsProgressToARealClientThenDefersAndItsRowCompletes() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
        String jobId;
        try (GatewayClient gw = gateway(fakes, Map.of("SYNC_DEADLINE_MS", "5000", "FAKE_CLI_MODE", "slow",
                "FAKE_CLI_SLEEP_MS", "7000")).connect(progress::add)) {
            java.util.concurrent.CompletableFuture<CallToolResult> pending = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> gw.call("claude_request", Map.of("prompt", "slow", "correlationId", "e2e-slow"),
                            "token-1"));
            // the waiting sync call does not block other calls: the job shows up in process health meanwhile
            Map<String, Object> health;
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            do {
                Thread.sleep(100);
                health = json(gw.call("llm_process_health", Map.of()));
            } while (((Number) health.get("runningJobs")).intValue() == 0 && System.nanoTime() < until);
            assertThat(health).containsEntry("runningJobs", 1);
            assertThat(pending).isNotDone();
            CallToolResult r = pending.get(30, java.util.concurrent.TimeUnit.SECONDS);

            Map<String, Object> body = json(r);
            assertThat(body).containsEntry("status", "deferred").containsEntry("pollWith", "llm_job_status")
                    .containsEntry("correlationId", "e2e-slow");
            assertThat(progress).hasSizeGreaterThanOrEqualTo(2).allSatisfy(p -> {
                assertThat(p.progressToken()).isEqualTo("token-1");
                assertThat(p.message()).matches("claude running for \\d+ s");
            });
            assertThat(progress).extracting(ProgressNotification::progress).isSorted();
            jobId = (String) body.get("jobId");

            Map<String, Object> status;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            do {
                Thread.sleep(200);
                status = job(json(gw.call("llm_job_status", Map.of("jobId", jobId))));
            } while ("running".equals(status.get("status")) && System.nanoTime() < deadline);
            assertThat(status).containsEntry("status", "completed");
        }
        Path db = home.resolve(".llm-cli-gateway/logs.db");
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = conn.prepareStatement(
                     "SELECT status, async_job_id, response FROM gateway_metadata m JOIN requests r ON r.id = "
                             + "m.request_id WHERE r.correlation_id = 'e2e-slow'")) {
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("status")).isEqualTo("completed");
                assertThat(rs.getString("async_job_id")).isEqualTo(jobId);
                assertThat(rs.getString("response")).isEqualTo("fake claude answer: slow\n");
            }
        }
    }
}
