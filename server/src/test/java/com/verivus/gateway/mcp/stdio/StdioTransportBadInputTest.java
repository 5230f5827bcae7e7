package com.verivus.gateway.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.mcp.ToolCatalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stdio transport in process, on real streams: bad lines are answered and reading goes on. */
class StdioTransportBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private static List<JsonNode> serve(InputStream stdin) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StdioGateway.serve(new ToolCatalog(List.of(), List.of()), "test", stdin, stdout);
        List<JsonNode> replies = new ArrayList<>();
        for (String line : stdout.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                replies.add(JSON.readTree(line));
            }
        }
        return replies;
    }

    @Test
    void theLineThatStoppedTheGatewayIsAnsweredAndLaterRequestsToo() throws Exception {
        String input = String.join("\n", INIT, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}", "{", "null", "[]",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":null}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":7}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}") + "\n";
        List<JsonNode> replies = serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        assertThat(replies).extracting(r -> r.get("id").toString() + " " + r.at("/error/code").asInt(0))
                .containsExactlyInAnyOrder("1 0", "2 0", "null -32700", "null -32600", "null -32600", "3 -32602", "4 0");
    }

    @Test
    void pingsAreAnsweredBeforeInitializeAndBeforeInitializedAtOnce() throws Exception {
        // no notifications/initialized ever: the pings must not wait for it (nor the end of input's drain)
        String input = String.join("\n", "{\"jsonrpc\":\"2.0\",\"id\":\"early\",\"method\":\"ping\"}", INIT,
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\",\"params\":{}}") + "\n";
        long started = System.nanoTime();
        List<JsonNode> replies = serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        assertThat(replies).extracting(r -> r.get("id").toString() + " " + r.path("result"))
                .contains("\"early\" {}", "7 {}");
        assertThat(replies).filteredOn(r -> r.get("id").asInt() == 1).singleElement()
                .satisfies(r -> assertThat(r.at("/result/protocolVersion").asText()).isEqualTo("2025-11-25"));
        assertThat(System.nanoTime() - started).as("no wait for the end-of-input drain").isLessThan(20_000_000_000L);
    }

    @Test
    void aRequestAfterInitializeButBeforeInitializedIsAnsweredAsIfTheNotificationHadCome() throws Exception {
        // the SDK's session would hold tools/list until notifications/initialized, for ever if it never came
        String input = String.join("\n", INIT, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{}}") + "\n";
        long started = System.nanoTime();
        List<JsonNode> replies = serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        assertThat(replies).extracting(r -> r.get("id").asInt()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(replies).filteredOn(r -> r.get("id").asInt() == 2).singleElement()
                .satisfies(r -> assertThat(r.at("/result/tools").isArray()).isTrue());
        assertThat(replies).filteredOn(r -> r.get("id").asInt() == 3).singleElement()
                .satisfies(r -> assertThat(r.at("/result/tools").isArray()).isTrue());
        assertThat(System.nanoTime() - started).as("no wait for the end-of-input drain").isLessThan(20_000_000_000L);
    }

    @Test
    void aRequestBeforeInitializeIsRefusedAtOnceAndTheSessionStillOpensAfterIt() throws Exception {
        String input = String.join("\n", "{\"jsonrpc\":\"2.0\",\"id\":\"early\",\"method\":\"tools/list\"}", INIT,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}") + "\n";
        List<JsonNode> replies = serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        assertThat(replies).extracting(r -> r.get("id").asText()).containsExactly("early", "1", "2");
        JsonNode refused = replies.get(0);
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(refused.at("/error/message").asText()).contains("not initialized").contains("tools/list");
        assertThat(replies.get(2).at("/result/tools").isArray()).isTrue();
    }

    @Test
    void stdinFailingBeforeEndOfInputIsNotANormalStop() {
        InputStream failing = new SequenceInputStream(
                new ByteArrayInputStream((INIT + "\n").getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("stdin broke");
                    }
                });
        assertThatThrownBy(() -> serve(failing)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stdin broke");
    }
}
