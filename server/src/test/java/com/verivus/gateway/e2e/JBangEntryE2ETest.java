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
 * The documented MCP client command, {@code ./jbang gateway@verivus}, run from the repo root with a fresh
 * JBang home: JBang builds gateway.java from the module sources, and stdout carries only JSON-RPC (its
 * build chatter goes to stderr). The user's own JBang catalog is left alone.
 */
class JBangEntryE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void theJbangEntryServesMcpOverStdioWithNothingButJsonRpcOnStdout() throws IOException {
        Path userCatalog = Path.of(System.getProperty("user.home"), ".jbang", "jbang-catalog.json");
        String userCatalogBefore = Files.exists(userCatalog) ? Files.readString(userCatalog) : null;

        GatewayProcess.Builder launch = GatewayProcess.builder(home).launch(GatewayProcess.Launch.JBANG);
        try (GatewayProcess gw = launch.start()) {
            gw.sendAll(List.of(JsonRpc.initialize(1), JsonRpc.initialized(),
                    JsonRpc.request(2, "tools/list", "{}"),
                    JsonRpc.request(3, "tools/call", "{\"name\":\"llm_process_health\",\"arguments\":{}}")))
                    .closeStdin();

            List<JsonNode> messages = new ArrayList<>();
            // the first launch compiles gateway.java and its sources: allow for a slow, shared machine
            for (Optional<String> line; (line = gw.readLine(Duration.ofSeconds(240))).isPresent(); ) {
                JsonNode msg;
                try {
                    msg = JSON.readTree(line.get());
                } catch (IOException e) {
                    throw new AssertionError("stdout carried a non-JSON line: " + line.get(), e);
                }
                assertThat(msg.isObject()).as(line.get()).isTrue();
                assertThat(msg.path("jsonrpc").asText()).as(line.get()).isEqualTo("2.0");
                messages.add(msg);
            }
            assertThat(gw.awaitExit(Duration.ofSeconds(30))).as(gw.stderr()).isZero();

            assertThat(messages).extracting(m -> m.path("id").asInt()).containsExactly(1, 2, 3);
            assertThat(messages.get(0).at("/result/serverInfo/name").asText()).isEqualTo("llm-cli-gateway");
            assertThat(messages.get(1).at("/result/tools").findValuesAsText("name")).contains("llm_process_health");
            JsonNode health = JSON.readTree(messages.get(2).at("/result/content/0/text").asText());
            assertThat(health.at("/persistence/dataDir").asText())
                    .isEqualTo(home.resolve(".llm-cli-gateway").toString());
        }

        // the bootstrap registered the catalog in the temp JBang home, pointing at this clone
        String catalog = Files.readString(launch.home().resolve(".jbang/jbang-catalog.json"));
        assertThat(catalog).contains("verivus").contains(GatewayProcess.repoRoot().resolve("jbang-catalog.json")
                .toString());
        String userCatalogAfter = Files.exists(userCatalog) ? Files.readString(userCatalog) : null;
        assertThat(userCatalogAfter).isEqualTo(userCatalogBefore);
    }
}
