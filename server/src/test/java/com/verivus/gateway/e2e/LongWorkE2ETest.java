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
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long work through the real gateway process and the MCP SDK's stdio and HTTP clients: llm_job_watch with
 * progress notifications, returning on timeout and on completion; a 5 MB output read back in pages from
 * llm_job_result and llm_request_result; llm_request_result finding a sync, an async and a deferred
 * request.
 */
class LongWorkE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIVE_MB = 5 * 1024 * 1024;

    @TempDir
    Path home;
    @TempDir
    Path tools;

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }

    private static Map<String, Object> json(CallToolResult r) throws Exception {
        return JSON.readValue(text(r), new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    @Test
    void watchReportsProgressReturnsOnTimeoutAndOnCompletionAndDeferredAndAsyncRequestsAreFoundAgain()
            throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
        Map<String, String> env = fakes.env(Map.of("FAKE_CLI_MODE", "slow", "FAKE_CLI_SLEEP_MS", "4000",
                "SYNC_DEADLINE_MS", "1000"));
        try (GatewayClient gw = GatewayProcess.builder(home).env(env).connect(progress::add)) {
            McpSchema.Tool watch = gw.mcp().listTools().tools().stream()
                    .filter(t -> t.name().equals("llm_job_watch")).findFirst().orElseThrow();
            assertThat(watch.outputSchema()).isNotNull();
            assertThat(watch.description()).contains("progress");

            Map<String, Object> started = json(gw.call("claude_request_async", Map.of("prompt", "long task",
                    "correlationId", "corr-async")));
            String jobId = (String) map(started.get("job")).get("id");

            Map<String, Object> status = json(gw.call("llm_job_status", Map.of("jobId", jobId, "tailChars", 100)));
            assertThat(status).containsEntry("stdoutTail", "").containsKey("stderrTail");
            assertThat(map(status.get("job"))).containsEntry("status", "running");

            CallToolResult early = gw.call("llm_job_watch", Map.of("jobId", jobId, "timeoutMs", 300), "watch-1");
            assertThat(early.isError()).as(text(early)).isFalse();
            assertThat(structured(early)).containsEntry("finished", false).containsEntry("timedOut", true);
            assertThat(map(structured(early).get("job"))).containsEntry("status", "running");

            CallToolResult done = gw.call("llm_job_watch", Map.of("jobId", jobId, "timeoutMs", 60000), "watch-2");
            assertThat(structured(done)).containsEntry("finished", true).containsEntry("timedOut", false)
                    .containsEntry("lastLine", "fake claude answer: long task");
            assertThat(map(structured(done).get("job"))).containsEntry("status", "completed");
            List<ProgressNotification> second = progress.stream()
                    .filter(p -> "watch-2".equals(p.progressToken())).toList();
            assertThat(second).isNotEmpty();
            assertThat(second.getFirst().message()).contains("claude job " + jobId + " running")
                    .contains("bytes of output");
            assertThat(second.getFirst().total()).isEqualTo(60000.0);

            Map<String, Object> deferred = json(gw.call("claude_request", Map.of("prompt", "slow sync",
                    "correlationId", "corr-deferred")));
            assertThat(deferred).containsEntry("status", "deferred");
            String deferredJob = (String) deferred.get("jobId");
            CallToolResult running = gw.call("llm_request_result", Map.of("correlationId", "corr-deferred"));
            assertThat(map(structured(running).get("request"))).containsEntry("status", "started")
                    .containsEntry("asyncJobId", deferredJob);
            assertThat(map(structured(running).get("job"))).containsEntry("status", "running");
            gw.call("llm_job_watch", Map.of("jobId", deferredJob, "timeoutMs", 60000));
            Map<String, Object> afterDeferred = awaitRecorded(gw, "corr-deferred");
            assertThat(map(afterDeferred.get("request"))).containsEntry("cli", "claude")
                    .containsEntry("asyncJobId", deferredJob);
            assertThat(afterDeferred.get("response")).isEqualTo("fake claude answer: slow sync\n");

            Map<String, Object> async = awaitRecorded(gw, "corr-async");
            assertThat(map(async.get("request"))).containsEntry("asyncJobId", jobId);
            assertThat((String) async.get("response")).contains("fake claude answer: long task");

            CallToolResult unknown = gw.call("llm_request_result", Map.of("correlationId", "never-sent"));
            assertThat(unknown.isError()).isTrue();
            assertThat(text(unknown)).contains("No request with correlationId \"never-sent\"");
        }
    }

    @Test
    void overHttpWatchSendsProgressAndReturnsWhenTheJobEnds() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
        GatewayProcess.Builder launch = GatewayProcess.builder(home).env(fakes.env(Map.of("FAKE_CLI_MODE", "slow",
                "FAKE_CLI_SLEEP_MS", "3000"))).env("LLM_GATEWAY_AUTH_TOKEN", "long-work-token").http();
        try (GatewayClient gw = launch.connectHttp("long-work-token", progress::add)) {
            Map<String, Object> started = json(gw.call("gemini_request_async", Map.of("prompt", "over http")));
            String jobId = (String) map(started.get("job")).get("id");
            CallToolResult done = gw.call("llm_job_watch", Map.of("jobId", jobId, "timeoutMs", 60000), "http-watch");
            assertThat(structured(done)).containsEntry("finished", true).containsEntry("timedOut", false);
            assertThat(map(structured(done).get("job"))).containsEntry("status", "completed");
            assertThat(progress).filteredOn(p -> "http-watch".equals(p.progressToken())).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.message()).contains("gemini job " + jobId + " running"));
        }
    }

    /** llm_request_result once the request's row is final (its job's end is booked just after it settles). */
    private static Map<String, Object> awaitRecorded(GatewayClient gw, String correlationId) throws Exception {
        for (int i = 0; i < 100; i++) {
            Map<String, Object> body = structured(gw.call("llm_request_result", Map.of("correlationId",
                    correlationId)));
            if (!"started".equals(map(body.get("request")).get("status"))) {
                assertThat(map(body.get("request"))).containsEntry("status", "completed");
                return body;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(correlationId + " stayed 'started'");
    }

    @Test
    void aFiveMegabyteOutputReadInPagesReassemblesExactlyFromTheJobAndFromTheRecorder() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        Map<String, String> env = fakes.env(Map.of("FAKE_CLI_MODE", "huge", "FAKE_CLI_BYTES",
                Integer.toString(FIVE_MB)));
        StringBuilder expected = new StringBuilder();
        while (expected.length() < FIVE_MB) {
            expected.append("x".repeat(99)).append('\n');
        }
        expected.setLength(FIVE_MB);
        try (GatewayClient gw = GatewayProcess.builder(home).env(env).connect()) {
            Map<String, Object> started = json(gw.call("codex_request_async", Map.of("prompt", "big",
                    "correlationId", "corr-big-async")));
            String jobId = (String) map(started.get("job")).get("id");
            assertThat(structured(gw.call("llm_job_watch", Map.of("jobId", jobId, "timeoutMs", 120000))))
                    .containsEntry("finished", true);

            StringBuilder stdout = new StringBuilder();
            Object next = 0;
            int pages = 0;
            while (next != null) {
                Map<String, Object> result = map(json(gw.call("llm_job_result", Map.of("jobId", jobId, "offset",
                        next, "maxChars", 2_000_000))).get("result"));
                Map<String, Object> page = map(result.get("stdoutPage"));
                assertThat(page).containsEntry("offset", stdout.length()).containsEntry("totalChars", FIVE_MB);
                stdout.append((String) result.get("stdout"));
                next = page.get("nextOffset");
                pages++;
            }
            assertThat(pages).isEqualTo(3);
            assertThat(stdout.toString()).isEqualTo(expected.toString());

            CallToolResult sync = gw.call("gemini_request", Map.of("prompt", "big sync", "correlationId",
                    "corr-big-sync"));
            assertThat(sync.isError()).isFalse();
            StringBuilder response = new StringBuilder();
            Object offset = 0;
            while (offset != null) {
                Map<String, Object> body = structured(gw.call("llm_request_result", Map.of("correlationId",
                        "corr-big-sync", "offset", offset, "maxChars", 2_000_000)));
                assertThat(map(body.get("request"))).containsEntry("status", "completed").containsEntry("cli",
                        "gemini");
                response.append((String) body.get("response"));
                offset = map(body.get("responsePage")).get("nextOffset");
            }
            assertThat(response.toString()).isEqualTo(expected.toString());
        }
    }
}
