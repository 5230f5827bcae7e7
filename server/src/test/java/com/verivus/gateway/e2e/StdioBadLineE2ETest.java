package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.testing.GatewayProcess;
import com.verivus.gateway.testing.JsonRpc;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 §1 on the real process: after initialize and ping, the line {@code {} used to stop the
 * gateway (exit 0, every later request unanswered). Now each bad line gets its JSON-RPC error, later
 * requests are answered, and the process exits 0 only when stdin ends. (Malformed tools/call params,
 * the same on both transports, are a scenario of {@link AbstractMcpScenarioSuite}.)
 */
class StdioBadLineE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void badLinesAreAnsweredAndTheGatewayServesOnUntilEndOfInput() throws Exception {
        try (GatewayProcess gw = GatewayProcess.builder(home).start()) {
            gw.send(JsonRpc.initialize(1)).send(JsonRpc.initialized()).send(JsonRpc.request(2, "ping", "{}"));
            assertThat(reply(gw).get("id").asInt()).isEqualTo(1);
            assertThat(reply(gw).get("id").asInt()).isEqualTo(2);

            gw.send("{");
            JsonNode parseError = reply(gw);
            assertThat(parseError.get("id").isNull()).isTrue();
            assertThat(parseError.at("/error/code").asInt()).isEqualTo(-32700);

            gw.send("[" + JsonRpc.request(3, "ping", "{}") + "]");
            assertThat(reply(gw).at("/error/code").asInt()).isEqualTo(-32600);
            gw.sendBytes(new byte[] {(byte) 0xc3, '{', '}'});
            assertThat(reply(gw).at("/error/code").asInt()).isEqualTo(-32700);

            gw.send(JsonRpc.request(5, "ping", "{}")).closeStdin();
            assertThat(reply(gw).get("id").asInt()).isEqualTo(5);
            assertThat(gw.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(gw.stderr()).doesNotContain("Exception in thread");
        }
    }

    private static JsonNode reply(GatewayProcess gw) throws Exception {
        while (true) {
            String line = gw.readLine(Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError(
                    "stdout ended; stderr:\n" + gw.stderr()));
            JsonNode node = JSON.readTree(line);
            if (!node.has("method")) {
                return node; // server notifications (log messages) are not replies
            }
        }
    }
}
