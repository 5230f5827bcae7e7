package com.verivus.gateway.e2e;

import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.testing.FakeClis;
import io.modelcontextprotocol.spec.McpSchema;
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

/** The provider request tools of the real gateway process, driven over stdio by the MCP SDK's own client. */
class RequestToolsE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SYNC_TOOLS = List.of("claude_request", "codex_request", "codex_fork_session",
            "gemini_request", "grok_request", "mistral_request");
    private static final List<String> ASYNC_TOOLS = List.of("claude_request_async", "codex_request_async",
            "gemini_request_async", "grok_request_async", "mistral_request_async", "llm_job_status",
            "llm_job_result", "llm_job_cancel");

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
    private static Map<String, Object> structured(CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> body) {
        return (Map<String, Object>) body.get("job");
    }

    @Test
    void every_cli_answers_a_sync_request_and_an_async_job_is_polled_and_fetched_over_stdio() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        try (GatewayClient gw = gateway(fakes, Map.of()).connect()) {
            List<String> names = gw.toolNames();
            assertThat(names).containsAll(SYNC_TOOLS).containsAll(ASYNC_TOOLS);
            assertThat(names.indexOf("claude_request")).isLessThan(names.indexOf("claude_request_async"));
            assertThat(names.indexOf("mistral_request_async")).isLessThan(names.indexOf("llm_job_status"));
            assertThat(names.indexOf("llm_job_cancel")).isLessThan(names.indexOf("llm_process_health"));

            McpSchema.Tool claude = gw.mcp().listTools().tools().stream()
                    .filter(t -> t.name().equals("claude_request")).findFirst().orElseThrow();
            assertThat(claude.inputSchema().get("required")).isEqualTo(List.of("prompt"));
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) claude.inputSchema().get("properties");
            assertThat(properties).containsKeys("prompt", "model", "outputFormat", "sessionId",
                    "continueSession", "createNewSession", "allowedTools", "disallowedTools",
                    "dangerouslySkipPermissions", "permissionMode", "agent", "agents", "forkSession", "systemPrompt",
                    "appendSystemPrompt", "maxBudgetUsd", "maxTurns", "effort", "excludeDynamicSystemPromptSections",
                    "correlationId", "optimizePrompt", "optimizeResponse", "idleTimeoutMs", "approvalStrategy",
                    "approvalPolicy", "mcpServers", "strictMcpConfig", "forceRefresh");

            CallToolResult c = gw.call("claude_request", Map.of("prompt", "e2e", "outputFormat", "stream-json"));
            assertThat(c.isError()).isFalse();
            assertThat(text(c)).isEqualTo("fake claude answer: e2e");
            assertThat(structured(c)).containsEntry("inputTokens", 11).containsEntry("outputTokens", 7)
                    .containsEntry("costUsd", 0.0123).containsEntry("cli", "claude");

            CallToolResult x = gw.call("codex_request", Map.of("prompt", "e2e", "outputFormat", "json"));
            assertThat(structured(x)).containsEntry("inputTokens", 11).containsEntry("cli", "codex");
            assertThat(fakes.lastRecord().get("argv")).isEqualTo(List.of("exec", "--json", "--skip-git-repo-check",
                    "e2e"));

            CallToolResult g = gw.call("gemini_request", Map.of("prompt", "e2e", "outputFormat", "json"));
            assertThat(structured(g)).containsEntry("inputTokens", 11).containsEntry("resumable", false);

            CallToolResult k = gw.call("grok_request", Map.of("prompt", "e2e"));
            assertThat(text(k)).isEqualTo("fake grok answer: e2e\n");

            CallToolResult m = gw.call("mistral_request", Map.of("prompt", "e2e"));
            assertThat(text(m)).startsWith("fake vibe answer: e2e");
            assertThat(fakes.lastRecord().get("argv")).isEqualTo(List.of("-p", "e2e", "--agent", "auto-approve"));

            Map<String, Object> started = json(gw.call("codex_request_async", Map.of("prompt", "background")));
            String jobId = (String) job(started).get("id");
            Map<String, Object> status;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            do {
                status = job(json(gw.call("llm_job_status", Map.of("jobId", jobId))));
                Thread.sleep(50);
            } while ("running".equals(status.get("status")) && System.nanoTime() < deadline);
            assertThat(status).containsEntry("status", "completed").containsEntry("exitCode", 0);
            Map<String, Object> result = json(gw.call("llm_job_result", Map.of("jobId", jobId)));
            assertThat(((Map<?, ?>) result.get("result")).get("stdout")).isEqualTo("fake codex answer: background\n");
        }
        assertThat(fakes.records()).hasSize(6);
    }

    @Test
    void a_slow_sync_call_sends_progress_to_a_real_client_then_defers_and_its_row_completes() throws Exception {
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
