package com.verivus.gateway.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.mcp.McpServerFactory;
import com.verivus.gateway.mcp.ToolCatalog;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gateway reads stdin while its runtime still starts: lines that arrive before the MCP server exists are
 * checked at once, refused ones answered at once, and valid ones handled in order once the server is built.
 */
class StdioEarlyReadingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    private final PipedOutputStream client = new PipedOutputStream();
    private final PipedInputStream serverOut = new PipedInputStream(1 << 16);
    private final BufferedReader replies;
    private final LineStdioTransportProvider transport;

    StdioEarlyReadingTest() throws IOException {
        PipedInputStream stdin = new PipedInputStream(client, 1 << 16);
        PipedOutputStream stdout = new PipedOutputStream(serverOut);
        replies = new BufferedReader(new InputStreamReader(serverOut, StandardCharsets.UTF_8));
        transport = new LineStdioTransportProvider(McpServerFactory.jsonMapper(), stdin, stdout);
    }

    @Test
    void aBadLineIsAnsweredBeforeTheServerExistsAndTheRequestAfterItOnceItDoes() throws Exception {
        transport.startReading();
        send("{");
        send(INIT);
        JsonNode refused = nextReply();
        assertThat(refused.at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(refused.get("id").isNull()).isTrue();
        assertThat(serverOut.available()).as("nothing answers the initialize request without a server").isZero();

        McpSyncServer server = McpServerFactory.stdio(transport, new ToolCatalog(List.of(), List.of()), "test");
        JsonNode initialized = nextReply();
        assertThat(initialized.get("id").asInt()).isEqualTo(1);
        assertThat(initialized.at("/result/serverInfo/name").asText()).isEqualTo("llm-cli-gateway");

        client.close();
        assertThat(CompletableFuture.runAsync(this::awaitFinished).get(10, TimeUnit.SECONDS)).isNull();
        assertThat(transport.failure()).isNull();
        server.closeGracefully();
    }

    @Test
    void endOfInputBeforeTheServerExistsStillAnswersWhatWasRead() throws Exception {
        transport.startReading();
        send(INIT);
        client.close();

        McpSyncServer server = McpServerFactory.stdio(transport, new ToolCatalog(List.of(), List.of()), "test");
        assertThat(nextReply().get("id").asInt()).isEqualTo(1);
        assertThat(CompletableFuture.runAsync(this::awaitFinished).get(10, TimeUnit.SECONDS)).isNull();
        assertThat(transport.failure()).isNull();
        server.closeGracefully();
    }

    @Test
    void theMapperIsAskedForWhenTheFirstLineArrivesAndOnlyOnce() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        PipedOutputStream lateClient = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(lateClient, 1 << 16);
        PipedInputStream out = new PipedInputStream(1 << 16);
        BufferedReader lateReplies = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8));
        LineStdioTransportProvider lazy = new LineStdioTransportProvider(() -> {
            asked.incrementAndGet();
            return McpServerFactory.jsonMapper();
        }, stdin, new PipedOutputStream(out), () -> { });
        lazy.startReading();
        assertThat(asked).as("building and starting the transport does not need the mapper").hasValue(0);

        lateClient.write(("{\n" + INIT + "\n").getBytes(StandardCharsets.UTF_8));
        lateClient.flush();
        assertThat(JSON.readTree(lateReplies.readLine()).at("/error/code").asInt()).isEqualTo(-32700);
        McpSyncServer server = McpServerFactory.stdio(lazy, new ToolCatalog(List.of(), List.of()), "test");
        assertThat(JSON.readTree(lateReplies.readLine()).get("id").asInt()).isEqualTo(1);
        assertThat(asked).hasValue(1);
        lateClient.close();
        server.closeGracefully();
    }

    private void send(String line) throws IOException {
        client.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        client.flush();
    }

    private JsonNode nextReply() throws Exception {
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return replies.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(line).as("a reply line").isNotNull();
        return JSON.readTree(line);
    }

    private void awaitFinished() {
        try {
            transport.awaitFinished();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
