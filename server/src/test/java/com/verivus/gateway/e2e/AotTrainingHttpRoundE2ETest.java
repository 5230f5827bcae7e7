package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.testing.GatewayProcess;
import com.verivus.gateway.testing.JsonRpc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run of HTTP mode's AOT cache: the stdio gateway with {@code LLM_GATEWAY_AOT_TRAINING=http} also
 * serves one HTTP round on loopback (else the cache would silently lack HTTP's classes), whatever
 * application.yaml in its directory says about the host and port, and still answers its stdio session, with
 * nothing but JSON-RPC on stdout.
 */
class AotTrainingHttpRoundE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path dir;

    @Test
    void theTrainingRunServesOneHttpRoundOnLoopbackThenItsStdioSession() throws IOException {
        Files.writeString(dir.resolve("application.yaml"), "http:\n  host: 0.0.0.0\n  port: 1\n");
        GatewayProcess.Builder launch = GatewayProcess.builder(home).workingDirectory(dir)
                .env("LLM_GATEWAY_AOT_TRAINING", "http");
        try (GatewayProcess gw = launch.start()) {
            gw.sendAll(List.of(JsonRpc.initialize(1), JsonRpc.initialized(), JsonRpc.request(2, "tools/list", "{}")))
                    .closeStdin();
            List<JsonNode> replies = new ArrayList<>();
            for (Optional<String> line; (line = gw.readLine(Duration.ofSeconds(60))).isPresent(); ) {
                replies.add(JSON.readTree(line.get()));
            }
            assertThat(gw.awaitExit(Duration.ofSeconds(60))).as(gw.stderr()).isZero();
            assertThat(replies).extracting(r -> r.path("id").asInt()).containsExactly(1, 2);
            assertThat(replies.get(1).at("/result/tools").size()).isEqualTo(40);
            String stderr = gw.stderr();
            assertThat(stderr).containsPattern("HTTP gateway listening on http://127\\.0\\.0\\.1:\\d+/mcp")
                    .contains("HTTP gateway stopping").doesNotContain("AOT training:");
        }
    }
}
