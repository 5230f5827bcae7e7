package com.verivus.gateway.mcp.tools.request;

import static com.verivus.gateway.mcp.tools.request.RequestGateway.argv;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.eventually;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.json;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The async request tools and the job tools on a real runtime with a real SQLite job store. */
class AsyncRequestToolsTest {

    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    RequestGateway gw;

    @BeforeEach
    void start() {
        gw = RequestGateway.start(dir, Map.of("FAKE_CLI_MODE", "slow", "FAKE_CLI_SLEEP_MS", "600"));
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(Map<String, Object> body) {
        return (Map<String, Object>) body.get("job");
    }

    private Map<String, Object> awaitFinished(String jobId) {
        eventually(WAIT, () -> !"running".equals(job(json(gw.call("llm_job_status", Map.of("jobId", jobId))))
                .get("status")), "job " + jobId + " to finish");
        return job(json(gw.call("llm_job_status", Map.of("jobId", jobId))));
    }

    @Test
    void async_start_then_status_then_result_returns_the_answer_and_books_the_request_once() {
        CallToolResult started = gw.call("gemini_request_async", Map.of("prompt", "later", "correlationId", "a-1"));

        assertThat(started.isError()).isFalse();
        assertThat(started.structuredContent()).isNull();
        Map<String, Object> body = json(started);
        assertThat(body).containsKeys("success", "job", "sessionId", "resumable", "approval", "mcpServers")
                .containsEntry("success", true).containsEntry("resumable", false).containsEntry("approval", null)
                .containsEntry("mcpServers", Map.of("requested", List.of()));
        assertThat(List.copyOf(body.keySet())).containsExactly("success", "job", "sessionId", "resumable", "approval",
                "mcpServers");
        String jobId = (String) job(body).get("id");
        assertThat(job(body)).containsEntry("cli", "gemini").containsEntry("correlationId", "a-1");
        // anti-orphan order: the session exists as soon as the job has been started
        assertThat(gw.runtime.sessions().get((String) body.get("sessionId"))).isPresent();

        Map<String, Object> finished = awaitFinished(jobId);
        assertThat(finished).containsEntry("status", "completed").containsEntry("exitCode", 0);
        Map<String, Object> result = json(gw.call("llm_job_result", Map.of("jobId", jobId)));
        assertThat(result).containsEntry("success", true);
        assertThat(((Map<?, ?>) result.get("result")).get("stdout")).isEqualTo("fake gemini answer: later\n");

        eventually(WAIT, () -> "completed".equals(gw.recorderRow("a-1").get("status")), "the recorder row");
        assertThat(gw.recorderRow("a-1")).containsEntry("async_job_id", jobId)
                .containsEntry("response", "fake gemini answer: later\n");
        assertThat(gw.metrics()).containsEntry("totalRequests", 1L);
    }

    @Test
    void llm_job_result_parses_a_claude_stream_json_job_with_the_claude_provider_parser() {
        String jobId = (String) job(json(gw.call("claude_request_async", Map.of("prompt", "parse me",
                "outputFormat", "stream-json")))).get("id");
        awaitFinished(jobId);

        Map<String, Object> result = json(gw.call("llm_job_result", Map.of("jobId", jobId)));

        assertThat(result).containsKey("parsed");
        Map<?, ?> parsed = (Map<?, ?>) result.get("parsed");
        assertThat(parsed.get("text")).isEqualTo("fake claude answer: parse me");
        assertThat(parsed.get("costUsd")).isEqualTo(0.0123);
        assertThat(parsed.get("usage")).isEqualTo(Map.of("inputTokens", 11, "outputTokens", 7,
                "cacheReadInputTokens", 3, "cacheCreationInputTokens", 2));
        assertThat(parsed.get("model")).isNotNull();
    }

    @Test
    void two_identical_async_requests_share_one_job_and_one_process_until_forced_to_refresh() {
        Map<String, Object> args = Map.of("prompt", "same question");
        String first = (String) job(json(gw.call("claude_request_async", args))).get("id");
        String second = (String) job(json(gw.call("claude_request_async", args))).get("id");

        assertThat(second).isEqualTo(first);
        awaitFinished(first);
        String forced = (String) job(json(gw.call("claude_request_async", Map.of("prompt", "same question",
                "forceRefresh", true)))).get("id");
        assertThat(forced).isNotEqualTo(first);
        awaitFinished(forced);

        assertThat(gw.fakes.records()).hasSize(2);
        // both requests that shared the first job are booked when it ends, and the forced one separately
        eventually(WAIT, () -> ((Number) gw.metrics().get("totalRequests")).longValue() == 3,
                "three booked requests");
    }

    @Test
    void fifty_identical_gemini_async_requests_share_one_job_one_spawn_and_the_session_id_it_ran_with()
            throws Exception {
        Map<String, Object> args = Map.of("prompt", "same gemini question");
        List<Map<String, Object>> replies;
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<Map<String, Object>>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(callers.submit(() -> json(gw.call("gemini_request_async", args))));
            }
            replies = new ArrayList<>();
            for (Future<Map<String, Object>> call : calls) {
                replies.add(call.get());
            }
        }
        Set<Object> jobIds = replies.stream().map(r -> job(r).get("id")).collect(Collectors.toSet());
        assertThat(jobIds).hasSize(1);
        awaitFinished((String) jobIds.iterator().next());

        assertThat(gw.fakes.records()).hasSize(1);
        List<String> spawned = argv(gw.fakes.records().getFirst());
        String ranWith = spawned.get(spawned.indexOf("--session-id") + 1);
        assertThat(replies).allSatisfy(r -> assertThat(r).containsEntry("sessionId", ranWith));
        Map<String, Object> listed = json(gw.call("session_list", Map.of("cli", "gemini")));
        assertThat(listed).containsEntry("total", 1);
    }

    @Test
    void requests_that_continue_a_conversation_are_never_deduplicated() {
        Map<String, Object> cont = Map.of("prompt", "next turn", "continueSession", true);
        String a = (String) job(json(gw.call("claude_request_async", cont))).get("id");
        String b = (String) job(json(gw.call("claude_request_async", cont))).get("id");
        Map<String, Object> latest = Map.of("prompt", "next turn", "resumeLatest", true);
        String c = (String) job(json(gw.call("grok_request_async", latest))).get("id");
        String d = (String) job(json(gw.call("grok_request_async", latest))).get("id");

        assertThat(b).isNotEqualTo(a);
        assertThat(d).isNotEqualTo(c);
        List.of(a, b, c, d).forEach(this::awaitFinished);
        assertThat(gw.fakes.records()).hasSize(4);
        assertThat(argv(gw.fakes.records().get(0))).contains("--continue");
    }

    @Test
    void llm_job_cancel_cancels_an_async_request_which_is_recorded_canceled_and_not_counted() {
        try (RequestGateway hanging = RequestGateway.start(dir.resolve("hang"), Map.of("FAKE_CLI_MODE", "hang"))) {
            String jobId = (String) job(json(hanging.call("codex_request_async", Map.of("prompt", "forever",
                    "correlationId", "a-cancel")))).get("id");

            Map<String, Object> health = json(hanging.call("llm_process_health", Map.of()));
            assertThat(health).containsEntry("runningJobs", 1);
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = ((List<Map<String, Object>>) health.get("jobs")).getFirst();
            assertThat(entry).containsEntry("jobId", jobId).containsEntry("cli", "codex")
                    .containsEntry("status", "running").containsEntry("isDead", false);
            assertThat(entry.get("processHealth")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("pid");

            Map<String, Object> canceled = json(hanging.call("llm_job_cancel", Map.of("jobId", jobId)));

            assertThat(canceled).containsEntry("success", true).containsEntry("jobId", jobId);
            eventually(WAIT, () -> "canceled".equals(hanging.recorderRow("a-cancel").get("status")),
                    "a canceled recorder row");
            assertThat(hanging.metrics()).containsEntry("totalRequests", 0L);
        }
    }

    @Test
    void closing_the_gateway_kills_running_jobs_and_records_them_orphaned() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        RequestGateway child = RequestGateway.start(dir.resolve("child"), Map.of("FAKE_CLI_MODE", "child",
                "FAKE_CLI_CHILD_PID_FILE", pidFile.toString()));
        String jobId;
        long grandchild;
        try (child) {
            jobId = (String) job(json(child.call("grok_request_async", Map.of("prompt", "spawn",
                    "correlationId", "a-shutdown")))).get("id");
            eventually(WAIT, () -> java.nio.file.Files.exists(pidFile)
                    && !readQuietly(pidFile).isBlank(), "the grandchild pid");
            grandchild = Long.parseLong(readQuietly(pidFile).trim());
            assertThat(ProcessHandle.of(grandchild)).isPresent();
        }
        eventually(WAIT, () -> ProcessHandle.of(grandchild).map(h -> !h.isAlive()).orElse(true), "the grandchild to die");
        assertThat(child.query("SELECT status, error FROM jobs WHERE id = ?", jobId))
                .containsExactly(Map.of("status", "orphaned", "error", "Gateway shut down while job was running"));
        assertThat(child.recorderRow("a-shutdown")).containsEntry("status", "orphaned");
    }

    private static String readQuietly(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void async_tool_results_name_the_tool_on_errors_and_refuse_bad_input() {
        CallToolResult reserved = gw.call("grok_request_async", Map.of("prompt", "p", "sessionId", "gw-x"));
        CallToolResult unknown = gw.call("llm_job_status", Map.of("jobId", "no-such-job"));

        assertThat(reserved.isError()).isTrue();
        assertThat(text(reserved)).contains("reserved prefix");
        assertThat(unknown.isError()).isTrue();
        assertThat(json(unknown)).containsEntry("error", "Job not found");
        assertThat(gw.fakes.records()).isEmpty();
    }
}
