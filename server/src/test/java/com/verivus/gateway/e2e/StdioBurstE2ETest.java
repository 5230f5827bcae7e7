package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    void every_request_of_a_burst_is_answered_before_exit_and_exit_follows_within_a_second() throws Exception {
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
}
