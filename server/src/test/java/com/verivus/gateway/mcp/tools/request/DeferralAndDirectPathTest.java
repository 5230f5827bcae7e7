package com.verivus.gateway.mcp.tools.request;

import static com.verivus.gateway.mcp.tools.request.RequestGateway.eventually;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.json;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.structured;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.process.ExtendedPath;
import com.verivus.gateway.mcp.ProgressReporter;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SYNC_DEADLINE_MS: deferral of slow sync requests, their later completion, progress, and the direct path. */
class DeferralAndDirectPathTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final List<String> ASYNC_TOOLS = List.of("claude_request_async", "codex_request_async",
            "gemini_request_async", "grok_request_async", "mistral_request_async", "llm_job_status",
            "llm_job_result", "llm_job_cancel");

    @TempDir
    Path dir;

    @Test
    void a_sync_request_past_the_deadline_is_deferred_and_its_recorder_row_completes_when_the_job_does() {
        try (RequestGateway gw = RequestGateway.start(dir, Map.of("SYNC_DEADLINE_MS", "1500", "FAKE_CLI_MODE", "slow",
                "FAKE_CLI_SLEEP_MS", "4000"))) {
            long t0 = System.nanoTime();
            CallToolResult r = gw.call("codex_request", Map.of("prompt", "slow one", "correlationId", "d-1"));
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;

            assertThat(r.isError()).isFalse();
            assertThat(r.structuredContent()).isNull();
            assertThat(waitedMs).isBetween(1400L, 3900L);
            Map<String, Object> body = json(r);
            assertThat(List.copyOf(body.keySet())).containsExactly("status", "jobId", "cli", "correlationId",
                    "message", "sessionId", "pollWith", "fetchWith", "cancelWith");
            assertThat(body).containsEntry("status", "deferred").containsEntry("cli", "codex")
                    .containsEntry("correlationId", "d-1").containsEntry("pollWith", "llm_job_status")
                    .containsEntry("fetchWith", "llm_job_result").containsEntry("cancelWith", "llm_job_cancel")
                    .containsEntry("message", "Execution exceeded sync deadline (1500ms). Poll with llm_job_status, "
                            + "fetch with llm_job_result.");
            String jobId = (String) body.get("jobId");
            assertThat(gw.recorderRow("d-1")).containsEntry("status", "started").containsEntry("async_job_id", jobId);

            eventually(WAIT, () -> "completed".equals(gw.recorderRow("d-1").get("status")), "the deferred row");
            Map<String, Object> result = json(gw.call("llm_job_result", Map.of("jobId", jobId)));
            assertThat(((Map<?, ?>) result.get("result")).get("stdout")).isEqualTo("fake codex answer: slow one\n");
            assertThat(gw.recorderRow("d-1")).containsEntry("response", "fake codex answer: slow one\n")
                    .containsEntry("exit_code", 0);
            // the deferred request's session bookkeeping happened when it succeeded
            String sessionId = (String) body.get("sessionId");
            assertThat(gw.runtime.sessions().get(sessionId)).isPresent();
            assertThat(gw.metrics()).containsEntry("totalRequests", 1L)
                    .containsEntry("totalSuccesses", 1L);
        }
    }

    @Test
    void a_waiting_sync_request_reports_progress_every_two_seconds() {
        try (RequestGateway gw = RequestGateway.start(dir, Map.of("FAKE_CLI_MODE", "slow",
                "FAKE_CLI_SLEEP_MS", "4600"))) {
            List<String> messages = new CopyOnWriteArrayList<>();
            List<Double> values = new CopyOnWriteArrayList<>();
            ProgressReporter progress = (value, total, message) -> {
                values.add(value);
                messages.add(message);
            };

            CallToolResult r = gw.call("claude_request", Map.of("prompt", "take your time"), progress);

            assertThat(r.isError()).isFalse();
            assertThat(text(r)).isEqualTo("fake claude answer: take your time\n");
            assertThat(messages).hasSizeBetween(2, 3).first().asString().matches("claude running for \\d+ s");
            assertThat(values).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void sync_deadline_zero_runs_inline_on_the_direct_path_without_a_job() throws Exception {
        // the install locations searched before PATH are the test's own (~ is the temp home), never /usr/bin
        try (RequestGateway gw = RequestGateway.start(dir, Map.of("SYNC_DEADLINE_MS", "0",
                ExtendedPath.OVERRIDE_ENV, "~/.local/bin"))) {
            CallToolResult r = gw.call("gemini_request", Map.of("prompt", "direct", "outputFormat", "json",
                    "correlationId", "z-1"));

            assertThat(r.isError()).isFalse();
            assertThat(structured(r)).containsEntry("retryCount", 0).containsEntry("inputTokens", 11L);
            assertThat(gw.query("SELECT count(*) AS n FROM jobs")).containsExactly(Map.of("n", 0));
            assertThat(gw.recorderRow("z-1")).containsEntry("status", "completed")
                    .containsEntry("circuit_breaker_state", "closed").containsEntry("async_job_id", null);

            // the direct path keeps the extended PATH when the invocation sets variables (Mistral's model)
            assertThat(gw.call("mistral_request", Map.of("prompt", "direct")).isError()).isFalse();
            Map<?, ?> env = (Map<?, ?>) gw.fakes.lastRecord().get("env");
            assertThat(env.get("VIBE_ACTIVE_MODEL")).isEqualTo("devstral-medium");
            assertThat((String) env.get("PATH")).startsWith(gw.home.resolve(".local/bin") + ":" + gw.fakes.bin() + ":");

            Files.delete(gw.fakes.bin().resolve("claude"));
            CallToolResult missing = gw.call("claude_request", Map.of("prompt", "x", "correlationId", "z-2"));
            assertThat(missing.isError()).isTrue();
            assertThat(text(missing)).startsWith("Error executing claude CLI:\n")
                    .contains("spawn claude ENOENT")
                    .endsWith("The 'claude' command was not found. Please ensure claude CLI is installed and in "
                            + "your PATH.");
            assertThat(structured(missing)).containsEntry("exitCode", 1).containsEntry("errorCategory", "spawn_error");
            assertThat(gw.recorderRow("z-2")).containsEntry("status", "failed");
            assertThat(gw.metrics()).containsEntry("totalRequests", 3L)
                    .containsEntry("totalFailures", 1L);
        }
    }

    @Test
    void backend_none_registers_no_async_tools_yet_sync_tools_run_and_defer_naming_only_present_tools() {
        RequestGateway.writeConfig(dir, "[persistence]\nbackend = \"none\"\n");
        try (RequestGateway gw = RequestGateway.start(dir, Map.of("SYNC_DEADLINE_MS", "1000", "FAKE_CLI_MODE", "slow",
                "FAKE_CLI_SLEEP_MS", "2500"))) {
            assertThat(gw.toolNames()).doesNotContainAnyElementsOf(ASYNC_TOOLS)
                    .contains("claude_request", "codex_fork_session", "llm_process_health");

            Map<String, Object> body = json(gw.call("grok_request", Map.of("prompt", "p", "correlationId", "n-1")));

            // llm_job_* are not registered: the reply names the validation tools' job_status/job_result,
            // which are, and no cancel tool
            assertThat(body).containsEntry("status", "deferred").containsEntry("pollWith", "job_status")
                    .containsEntry("fetchWith", "job_result").doesNotContainKeys("cancelWith");
            assertThat((String) body.get("message")).startsWith("Execution exceeded sync deadline (1000ms).")
                    .contains("job_status").doesNotContain("llm_job");
            assertThat(gw.toolNames()).contains("job_status", "job_result");
            Map<String, Object> status = json(gw.call("job_status", Map.of("jobId", body.get("jobId"))));
            assertThat(status).containsEntry("success", true);
            eventually(WAIT, () -> "completed".equals(gw.recorderRow("n-1").get("status")), "the deferred row");

            // without a store nothing is deduplicated: the identical request runs the CLI again
            Map<String, Object> again = json(gw.call("grok_request", Map.of("prompt", "p")));
            assertThat(again.get("jobId")).isNotEqualTo(body.get("jobId"));
            eventually(WAIT, () -> gw.fakes.records().size() == 2, "a second grok process");
            assertThat(gw.fakes.records()).extracting(rec -> rec.get("argv")).containsOnly(List.of("-p", "p"));
        }
    }
}
