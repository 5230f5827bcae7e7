package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every provider and judge run of a validation tool leaves a flight-recorder row, through the real gateway
 * process and the MCP SDK's stdio client: llm_request_result finds each run by the correlation id the tool's
 * result reports (rawJobReference.correlationId), with its status and response, also for a run that ended
 * after the tool stopped waiting; the rows in logs.db link the jobs.
 */
class ValidationRecorderE2ETest {

    @TempDir
    Path home;
    @TempDir
    Path tools;
    @TempDir
    Path project;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    /** llm_request_result once the run's row is no longer 'started' (a job's end is booked just after it settles). */
    private static Map<String, Object> awaitFinal(GatewayClient gw, String correlationId) throws Exception {
        for (int i = 0; i < 300; i++) {
            CallToolResult r = gw.call("llm_request_result", Map.of("correlationId", correlationId));
            assertThat(r.isError()).as(String.valueOf(r.content())).isFalse();
            Map<String, Object> body = map(r.structuredContent());
            if (!"started".equals(map(body.get("request")).get("status"))) {
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(correlationId + " stayed 'started'");
    }

    private Map<String, Map<String, Object>> rows() throws Exception {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        Path db = home.resolve(".llm-cli-gateway/logs.db");
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db);
             PreparedStatement ps = conn.prepareStatement("SELECT r.correlation_id, r.cli, r.prompt, r.response, "
                     + "r.duration_ms, r.working_dir, m.status, m.async_job_id, m.exit_code, m.error_message "
                     + "FROM requests r JOIN gateway_metadata m ON m.request_id = r.id ORDER BY r.datetime_utc");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (String c : List.of("cli", "prompt", "response", "duration_ms", "working_dir", "status",
                        "async_job_id", "exit_code", "error_message")) {
                    row.put(c, rs.getObject(c));
                }
                assertThat(rows.put(rs.getString("correlation_id"), row)).as("one row per run").isNull();
            }
        }
        return rows;
    }

    @Test
    void eachProviderRunAndTheJudgeRunAreFoundByTheCorrelationIdTheResultReports() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        Map<String, String> env = fakes.env(Map.of("FAKE_CLI_RESPONSE", "Verdict: correct\nRationale: fine.",
                "FAKE_CLI_MODE_CODEX", "fail", "FAKE_CLI_STDERR", "codex broke"));
        Map<String, String> correlationIds = new LinkedHashMap<>();
        Map<String, String> jobIds = new LinkedHashMap<>();
        try (GatewayClient gw = GatewayProcess.builder(home).env(env).connect()) {
            CallToolResult result = gw.call("validate_with_models", Map.of("question", "Is 2 + 2 = 4?",
                    "models", List.of("claude", "codex"), "judgeModel", "gemini",
                    "workingDir", project.toString()));
            assertThat(result.isError()).isFalse();
            Map<String, Object> run = map(map(result.structuredContent()).get("report"));
            for (Map<String, Object> r : list(run.get("results"))) {
                Map<String, Object> ref = map(r.get("rawJobReference"));
                correlationIds.put((String) r.get("provider"), (String) ref.get("correlationId"));
                jobIds.put((String) r.get("provider"), (String) ref.get("jobId"));
            }
            Map<String, Object> synthesis = map(run.get("synthesis"));
            assertThat(synthesis).as(String.valueOf(synthesis)).containsEntry("status", "completed");
            Map<String, Object> judgeRef = map(synthesis.get("rawJobReference"));
            correlationIds.put("judge", (String) judgeRef.get("correlationId"));
            jobIds.put("judge", (String) judgeRef.get("jobId"));
            assertThat(correlationIds.values()).doesNotContainNull().doesNotHaveDuplicates();

            Map<String, Object> claude = awaitFinal(gw, correlationIds.get("claude"));
            assertThat(map(claude.get("request"))).containsEntry("cli", "claude").containsEntry("status", "completed")
                    .containsEntry("asyncJobId", jobIds.get("claude"))
                    .containsEntry("workingDir", project.toRealPath().toString());
            assertThat((String) claude.get("response")).contains("Verdict: correct");
            assertThat(map(claude.get("job"))).containsEntry("id", jobIds.get("claude"));

            Map<String, Object> codex = awaitFinal(gw, correlationIds.get("codex"));
            assertThat(map(codex.get("request"))).containsEntry("cli", "codex").containsEntry("status", "failed")
                    .containsEntry("exitCode", 1).containsEntry("asyncJobId", jobIds.get("codex"));
            assertThat((String) codex.get("response")).contains("codex broke");

            Map<String, Object> judge = awaitFinal(gw, correlationIds.get("judge"));
            assertThat(map(judge.get("request"))).containsEntry("cli", "gemini").containsEntry("status", "completed")
                    .containsEntry("asyncJobId", jobIds.get("judge"));
            assertThat((String) judge.get("response")).contains("Verdict: correct");
        }
        Map<String, Map<String, Object>> rows = rows();
        assertThat(rows).containsOnlyKeys(correlationIds.values());
        assertThat(rows.get(correlationIds.get("claude"))).containsEntry("cli", "claude")
                .containsEntry("status", "completed").containsEntry("async_job_id", jobIds.get("claude"))
                .containsEntry("working_dir", project.toRealPath().toString());
        assertThat((String) rows.get(correlationIds.get("claude")).get("prompt")).contains("Is 2 + 2 = 4?");
        assertThat((String) rows.get(correlationIds.get("claude")).get("response")).contains("Verdict: correct");
        assertThat(rows.get(correlationIds.get("claude")).get("duration_ms")).isNotNull();
        assertThat(rows.get(correlationIds.get("codex"))).containsEntry("status", "failed")
                .containsEntry("async_job_id", jobIds.get("codex")).containsEntry("exit_code", 1);
        assertThat((String) rows.get(correlationIds.get("codex")).get("error_message")).contains("codex broke");
        assertThat(rows.get(correlationIds.get("judge"))).containsEntry("cli", "gemini")
                .containsEntry("status", "completed").containsEntry("async_job_id", jobIds.get("judge"));
    }

    @Test
    void aRunStillGoingWhenTheToolStopsWaitingIsCompletedInTheRecorderWhenItsJobEnds() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        Map<String, String> env = new HashMap<>(fakes.env(Map.of("FAKE_CLI_MODE_GEMINI", "slow",
                "FAKE_CLI_SLEEP_MS", "3000", "FAKE_CLI_RESPONSE", "Verdict: partly")));
        env.put("SYNC_DEADLINE_MS", "300");
        try (GatewayClient gw = GatewayProcess.builder(home).env(env).connect()) {
            CallToolResult result = gw.call("second_opinion", Map.of("answer", "The moon is made of cheese.",
                    "model", "gemini"));
            assertThat(result.isError()).as(String.valueOf(result.content())).isFalse();
            Map<String, Object> run = map(map(result.structuredContent()).get("report"));
            Map<String, Object> gemini = list(run.get("results")).getFirst();
            Map<String, Object> ref = map(gemini.get("rawJobReference"));
            String correlationId = (String) ref.get("correlationId");

            Map<String, Object> found = awaitFinal(gw, correlationId);
            assertThat(map(found.get("request"))).containsEntry("cli", "gemini").containsEntry("status", "completed")
                    .containsEntry("asyncJobId", ref.get("jobId"));
            assertThat((String) found.get("response")).contains("Verdict: partly");
        }
    }
}
