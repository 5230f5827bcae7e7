package com.verivus.gateway.mcp.tools.request;

import static com.verivus.gateway.mcp.tools.request.RequestGateway.argv;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.json;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.structured;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.Session;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync request tools on a real runtime, with the fake CLIs as real processes. */
class SyncRequestToolsTest {

    private static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @TempDir
    Path dir;

    RequestGateway gw;

    @BeforeEach
    void start() {
        gw = RequestGateway.start(dir);
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    @Test
    void claude_text_runs_without_an_mcp_server_by_default_and_reports_the_success_contract() {
        CallToolResult r = gw.call("claude_request", Map.of("prompt", "hello", "correlationId", "c-claude-1"));

        assertThat(r.isError()).isFalse();
        assertThat(text(r)).isEqualTo("fake claude answer: hello\n");
        Map<String, Object> rec = gw.fakes.lastRecord();
        assertThat(argv(rec)).containsExactly("-p", "hello");
        Map<String, Object> s = structured(r);
        assertThat(s).containsEntry("model", "default").containsEntry("cli", "claude")
                .containsEntry("correlationId", "c-claude-1").containsEntry("sessionId", null)
                .containsEntry("exitCode", 0).containsEntry("retryCount", 0)
                .doesNotContainKeys("inputTokens", "approval", "reviewIntegrity", "resumable");
        assertThat(((Number) s.get("durationMs")).longValue()).isGreaterThanOrEqualTo(0);
        assertThat(s.get("mcpServers")).isEqualTo(Map.of("requested", List.of(), "enabled", List.of(),
                "missing", List.of()));
        assertThat(List.copyOf(s.keySet())).startsWith("model", "cli", "correlationId", "sessionId", "durationMs");

        // a server that is neither installed nor configured is reported missing, and claude is not pointed at it
        CallToolResult named = gw.call("claude_request", Map.of("prompt", "again", "mcpServers", List.of("sqry")));
        assertThat(named.isError()).isFalse();
        assertThat(argv(gw.fakes.lastRecord())).containsExactly("-p", "again");
        assertThat(structured(named).get("mcpServers")).isEqualTo(Map.of("requested", List.of("sqry"),
                "enabled", List.of(), "missing", List.of("sqry")));
    }

    @Test
    void claude_stream_json_returns_the_result_text_and_its_tokens_and_cost_reach_structured_content() {
        CallToolResult r = gw.call("claude_request", Map.of("prompt", "stream it", "outputFormat", "stream-json",
                "model", "opus", "correlationId", "c-stream"));

        assertThat(r.isError()).isFalse();
        assertThat(text(r)).isEqualTo("fake claude answer: stream it");
        assertThat(argv(gw.fakes.lastRecord())).startsWith("-p", "stream it", "--model", "opus", "--output-format",
                "stream-json", "--verbose", "--include-partial-messages");
        assertThat(structured(r)).containsEntry("model", "opus").containsEntry("inputTokens", 11L)
                .containsEntry("outputTokens", 7L).containsEntry("cacheReadTokens", 3L)
                .containsEntry("cacheCreationTokens", 2L).containsEntry("costUsd", 0.0123);
        Map<String, Object> row = gw.recorderRow("c-stream");
        assertThat(row).containsEntry("status", "completed").containsEntry("cli", "claude")
                .containsEntry("model", "opus").containsEntry("prompt", "stream it")
                .containsEntry("response", "fake claude answer: stream it").containsEntry("input_tokens", 11)
                .containsEntry("output_tokens", 7).containsEntry("cache_read_tokens", 3)
                .containsEntry("cache_creation_tokens", 2).containsEntry("cost_usd", 0.0123)
                .containsEntry("exit_code", 0);
    }

    @Test
    void codex_json_reports_tokens_records_the_thread_and_resumes_it_with_the_returned_session_id() {
        CallToolResult first = gw.call("codex_request", Map.of("prompt", "start", "outputFormat", "json"));

        assertThat(first.isError()).isFalse();
        assertThat(argv(gw.fakes.lastRecord())).containsExactly("exec", "--json", "--skip-git-repo-check", "start");
        Map<String, Object> s = structured(first);
        assertThat(s).containsEntry("cli", "codex").containsEntry("inputTokens", 11L).containsEntry("outputTokens", 7L)
                .containsEntry("cacheReadTokens", 3L).doesNotContainKey("resumable");
        String sessionId = (String) s.get("sessionId");
        assertThat(sessionId).matches(UUID_V4);
        Session session = gw.runtime.sessions().get(sessionId).orElseThrow();
        String thread = (String) session.metadataOrEmpty().get("codexThreadId");
        assertThat(thread).isNotBlank().isNotEqualTo(sessionId);
        assertThat(text(first)).contains("\"thread.started\"").contains(thread);

        CallToolResult second = gw.call("codex_request", Map.of("prompt", "go on", "sessionId", sessionId));

        assertThat(second.isError()).isFalse();
        assertThat(argv(gw.fakes.lastRecord())).containsExactly("exec", "resume", "--skip-git-repo-check", thread,
                "go on");
        assertThat(structured(second)).containsEntry("sessionId", sessionId);
    }

    @Test
    void codex_fork_session_forks_the_recorded_thread_and_returns_the_new_thread() {
        String sessionId = (String) structured(gw.call("codex_request", Map.of("prompt", "base"))).get("sessionId");
        String thread = (String) gw.runtime.sessions().get(sessionId).orElseThrow().metadataOrEmpty()
                .get("codexThreadId");

        CallToolResult fork = gw.call("codex_fork_session", Map.of("prompt", "branch off", "sessionId", sessionId,
                "correlationId", "c-fork"));

        assertThat(fork.isError()).as(text(fork)).isFalse();
        assertThat(text(fork)).isEqualTo("fake codex answer: branch off\n");
        Map<String, Object> rec = gw.fakes.lastRecord();
        assertThat(argv(rec)).containsExactly("exec", "fork", "--skip-git-repo-check", thread, "branch off");
        String forked = (String) structured(fork).get("sessionId");
        assertThat(forked).isNotBlank().isNotEqualTo(thread);
        assertThat(gw.recorderRow("c-fork")).containsEntry("status", "completed").containsEntry("session_id", thread);
    }

    @Test
    void gemini_fresh_request_gets_a_v4_session_id_that_is_returned_not_resumable_and_stored() {
        CallToolResult r = gw.call("gemini_request", Map.of("prompt", "hi", "outputFormat", "json"));

        assertThat(r.isError()).isFalse();
        List<String> args = argv(gw.fakes.lastRecord());
        assertThat(args.subList(0, 3)).containsExactly("-p", "hi", "-o");
        assertThat(args.get(3)).isEqualTo("json");
        assertThat(args.get(4)).isEqualTo("--session-id");
        String id = args.get(5);
        assertThat(id).matches(UUID_V4);
        assertThat(args).hasSize(6);
        assertThat(structured(r)).containsEntry("sessionId", id).containsEntry("resumable", false)
                .containsEntry("inputTokens", 11L).containsEntry("outputTokens", 7L).containsEntry("cacheReadTokens", 3L)
                .containsEntry("mcpServers", Map.of("requested", List.of()));
        assertThat(gw.runtime.sessions().get(id)).map(Session::cli).contains(CliName.GEMINI);

        CallToolResult resumed = gw.call("gemini_request", Map.of("prompt", "again", "sessionId", id));
        assertThat(argv(gw.fakes.lastRecord())).containsExactly("-p", "again", "--resume", id);
        assertThat(structured(resumed)).containsEntry("resumable", true);
    }

    @Test
    void grok_request_reports_a_bookkeeping_session_that_is_not_resumable() {
        CallToolResult r = gw.call("grok_request", Map.of("prompt", "yo"));

        assertThat(r.isError()).isFalse();
        assertThat(text(r)).isEqualTo("fake grok answer: yo\n");
        assertThat(argv(gw.fakes.lastRecord())).containsExactly("-p", "yo");
        assertThat((String) structured(r).get("sessionId")).startsWith("gw-");
        assertThat(structured(r)).containsEntry("resumable", false).doesNotContainKey("inputTokens");

        gw.call("grok_request", Map.of("prompt", "more", "resumeLatest", true));
        assertThat(argv(gw.fakes.lastRecord())).containsExactly("-p", "more", "--continue");
    }

    @Test
    void mistral_request_runs_vibe_with_the_model_in_its_environment() {
        CallToolResult r = gw.call("mistral_request", Map.of("prompt", "salut", "allowedTools", List.of("read_file")));

        assertThat(r.isError()).as(text(r)).isFalse();
        Map<String, Object> rec = gw.fakes.lastRecord();
        assertThat(rec).containsEntry("cli", "vibe");
        assertThat(argv(rec)).containsExactly("-p", "salut", "--agent", "auto-approve", "--enabled-tools", "read_file");
        assertThat(rec.get("env")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("VIBE_ACTIVE_MODEL", "devstral-medium");
        assertThat(text(r)).startsWith("fake vibe answer: salut");
        assertThat(structured(r)).containsEntry("model", "devstral-medium").containsEntry("resumable", false);
    }

    @Test
    void an_identical_sync_request_reuses_the_finished_job_unless_forced_and_each_is_booked() {
        CallToolResult a = gw.call("grok_request", Map.of("prompt", "same", "correlationId", "s-1"));
        CallToolResult b = gw.call("grok_request", Map.of("prompt", "same", "correlationId", "s-2"));
        CallToolResult c = gw.call("grok_request", Map.of("prompt", "same", "forceRefresh", true,
                "correlationId", "s-3"));

        assertThat(List.of(text(a), text(b), text(c))).containsOnly("fake grok answer: same\n");
        assertThat(gw.fakes.records()).hasSize(2);
        assertThat(gw.recorderRow("s-2")).containsEntry("status", "completed")
                .containsEntry("async_job_id", gw.recorderRow("s-1").get("async_job_id"));
        assertThat(gw.recorderRow("s-3").get("async_job_id")).isNotEqualTo(gw.recorderRow("s-1").get("async_job_id"));
        assertThat(gw.metrics()).containsEntry("totalRequests", 3L);
    }

    @Test
    void a_missing_binary_is_exit_127_with_the_not_found_message_and_a_failed_recorder_row() throws Exception {
        Files.delete(gw.fakes.bin().resolve("grok"));

        CallToolResult r = gw.call("grok_request", Map.of("prompt", "anyone?", "correlationId", "c-missing"));

        assertThat(r.isError()).isTrue();
        assertThat(text(r)).startsWith("Error executing grok CLI (exit code 127):\n"
                + "The 'grok' command was not found. Install the grok CLI and make sure it is on PATH.");
        assertThat(structured(r)).containsEntry("exitCode", 127).containsEntry("errorCategory", "cli_error")
                .containsEntry("cli", "grok").containsEntry("correlationId", "c-missing");
        assertThat(gw.recorderRow("c-missing")).containsEntry("status", "failed").containsEntry("exit_code", 127);
    }

    @Test
    void invalid_input_is_refused_before_anything_runs_or_is_recorded() {
        CallToolResult empty = gw.call("claude_request", Map.of("prompt", ""));
        CallToolResult tooLong = gw.call("claude_request", Map.of("prompt", "x".repeat(100_001)));
        CallToolResult reserved = gw.call("gemini_request", Map.of("prompt", "p", "sessionId", "gw-123",
                "correlationId", "c-reserved"));
        CallToolResult injected = gw.call("claude_request", Map.of("prompt", "p", "allowedTools", List.of("--evil")));
        CallToolResult idle = gw.call("codex_request", Map.of("prompt", "p", "idleTimeoutMs", 1000));
        CallToolResult relative = gw.call("gemini_request", Map.of("prompt", "p", "attachments", List.of("a.txt")));

        assertThat(text(empty)).isEqualTo("Input validation error: prompt: Prompt cannot be empty");
        assertThat(text(tooLong)).isEqualTo("Input validation error: prompt: Prompt too long (max 100k chars)");
        assertThat(text(reserved)).contains("uses reserved prefix \"gw-\"");
        assertThat(text(injected)).contains("must not start with \"-\"");
        assertThat(text(idle)).startsWith("Input validation error: idleTimeoutMs:");
        assertThat(text(relative)).isEqualTo("attachments: attachments paths must be absolute");
        assertThat(List.of(empty, tooLong, reserved, injected, idle, relative)).allMatch(CallToolResult::isError);
        assertThat(gw.fakes.records()).isEmpty();
        assertThat(gw.recorderRow("c-reserved")).isNull();
    }

    @Test
    void a_failing_cli_is_an_error_result_with_its_stderr_and_counts_once_as_a_failure() throws Exception {
        try (RequestGateway failing = RequestGateway.start(dir.resolve("failing"), Map.of("FAKE_CLI_MODE", "fail",
                "FAKE_CLI_EXIT", "3"))) {
            CallToolResult r = failing.call("claude_request", Map.of("prompt", "p", "correlationId", "c-fail"));

            assertThat(r.isError()).isTrue();
            assertThat(text(r)).isEqualTo("Error executing claude CLI (exit code 3):\nfake claude failure\n");
            assertThat(structured(r)).containsEntry("errorCategory", "cli_error").containsEntry("exitCode", 3);
            assertThat(failing.recorderRow("c-fail")).containsEntry("status", "failed").containsEntry("exit_code", 3)
                    .containsEntry("error_message", "fake claude failure\n");
            assertThat(failing.metrics()).containsEntry("totalRequests", 1L)
                    .containsEntry("totalFailures", 1L);
        }
    }

    @Test
    void every_request_is_counted_once_in_the_metrics_and_has_one_recorder_row() {
        gw.call("claude_request", Map.of("prompt", "one", "correlationId", "m-1"));
        gw.call("gemini_request", Map.of("prompt", "two", "correlationId", "m-2"));
        gw.call("grok_request", Map.of("prompt", "three", "correlationId", "m-3"));

        Map<String, Object> metrics = gw.metrics();
        assertThat(metrics).containsEntry("totalRequests", 3L).containsEntry("totalSuccesses", 3L);
        assertThat(gw.query("SELECT correlation_id, status FROM requests JOIN gateway_metadata ON request_id = id "
                + "ORDER BY correlation_id"))
                .containsExactly(Map.of("correlation_id", "m-1", "status", "completed"),
                        Map.of("correlation_id", "m-2", "status", "completed"),
                        Map.of("correlation_id", "m-3", "status", "completed"));
    }

    @Test
    void a_reused_correlation_id_labels_every_request_it_is_given_to_and_loses_none() {
        gw.call("claude_request", Map.of("prompt", "first", "correlationId", "same"));
        gw.call("codex_request", Map.of("prompt", "second", "correlationId", "same"));
        gw.call("claude_request", Map.of("prompt", "third", "correlationId", "same"));

        List<Map<String, Object>> rows = gw.query("SELECT id, prompt, status FROM requests "
                + "JOIN gateway_metadata ON request_id = id WHERE correlation_id = 'same' ORDER BY datetime_utc, prompt");
        assertThat(rows).extracting(r -> r.get("prompt")).containsExactlyInAnyOrder("first", "second", "third");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("status", "completed"));
        assertThat(rows).extracting(r -> r.get("id")).doesNotHaveDuplicates().doesNotContain("same");
    }
}
