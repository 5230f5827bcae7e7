package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.testing.GatewayProcess;
import com.verivus.gateway.testing.JsonRpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stdin closes right after a burst of requests (what a test harness piping a file does): every request
 * still gets its answer, and the process exits promptly after the last one.
 */
class StdioBurstE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REQUESTS = 30;

    @TempDir
    Path home;

    @Test
    void everyRequestOfABurstIsAnsweredBeforeExitAndExitFollowsWithinASecond() throws Exception {
        List<String> burst = new ArrayList<>();
        burst.add(JsonRpc.initialize(1));
        burst.add(JsonRpc.initialized());
        for (int id = 2; id < REQUESTS + 2; id++) {
            burst.add(switch (id % 3) {
                case 0 -> JsonRpc.request(id, "tools/list", "{}");
                case 1 -> JsonRpc.request(id, "ping", "{}");
                default -> JsonRpc.request(id, "tools/call", "{\"name\":\"llm_process_health\",\"arguments\":{}}");
            });
        }
        try (GatewayProcess gw = GatewayProcess.builder(home).start()) {
            gw.sendAll(burst).closeStdin();

            TreeSet<Integer> answered = new TreeSet<>();
            long lastReply = 0;
            for (Optional<GatewayProcess.Line> line; (line = gw.readTimedLine(Duration.ofSeconds(60))).isPresent(); ) {
                JsonNode msg = JSON.readTree(line.get().text());
                assertThat(msg.path("jsonrpc").asText()).isEqualTo("2.0");
                if (msg.has("id")) {
                    assertThat(msg.has("result")).as("reply to %s: %s", msg.get("id"), msg).isTrue();
                    answered.add(msg.get("id").asInt());
                    lastReply = line.get().nanoTime();
                }
            }
            assertThat(gw.awaitExit(Duration.ofSeconds(30))).isZero();
            List<Integer> expected = new ArrayList<>();
            for (int id = 1; id < REQUESTS + 2; id++) {
                expected.add(id);
            }
            assertThat(answered).containsExactlyElementsOf(expected);
            long exitDelayMs = TimeUnit.NANOSECONDS.toMillis(gw.exitNanoTime() - lastReply);
            assertThat(exitDelayMs).as("ms from the last reply to process exit").isLessThan(1000);
        }
    }

    /**
     * 40 tool calls in flight at once, each running a real (fake) CLI: every reply arrives (the SDK's
     * stdio transport dropped replies that raced for stdout and then hung), the session still answers
     * afterwards, and stdin EOF still ends the process.
     */
    @Test
    void concurrentToolCallsAllGetTheirRepliesAndTheSessionStaysAlive() throws Exception {
        com.verivus.gateway.testing.FakeClis fakes = com.verivus.gateway.testing.FakeClis.install(home.resolve("bin"));
        int calls = 40;
        try (GatewayProcess gw = GatewayProcess.builder(home)
                .env(fakes.env(java.util.Map.of("FAKE_CLI_MODE", "slow", "FAKE_CLI_SLEEP_MS", "200"))).start()) {
            gw.send(JsonRpc.initialize(1));
            assertThat(gw.readLine(Duration.ofSeconds(60))).isPresent();
            gw.send(JsonRpc.initialized());
            List<String> burst = new ArrayList<>();
            for (int id = 100; id < 100 + calls; id++) {
                burst.add(JsonRpc.request(id, "tools/call", "{\"name\":\"claude_request\",\"arguments\":"
                        + "{\"prompt\":\"burst " + id + "\",\"forceRefresh\":true}}"));
            }
            gw.sendAll(burst);
            TreeSet<Integer> answered = new TreeSet<>();
            while (answered.size() < calls) {
                Optional<String> line = gw.readLine(Duration.ofSeconds(90));
                assertThat(line).as("replies so far: %s", answered).isPresent();
                JsonNode msg = JSON.readTree(line.get());
                if (msg.has("id") && msg.has("result")) {
                    assertThat(msg.at("/result/isError").asBoolean()).as(msg.toString()).isFalse();
                    answered.add(msg.get("id").asInt());
                }
            }
            gw.send(JsonRpc.request(999, "ping", "{}"));
            Optional<String> pong = gw.readLine(Duration.ofSeconds(30));
            assertThat(pong).isPresent();
            assertThat(JSON.readTree(pong.get()).get("id").asInt()).isEqualTo(999);
            gw.closeStdin();
            assertThat(gw.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(fakes.records()).hasSize(calls);
        }
    }
}
