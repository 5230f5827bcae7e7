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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The work the gateway does for a client's first tool call (linking the native spawn calls, Jackson's codecs
 * for tools/call) starts once that client has its tool list, in the background: once per process, after the
 * tools/list answer is written, never before or instead of it.
 */
class StdioAfterToolListTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theHookRunsOnceAfterTheFirstToolListAnswerIsWritten() throws Exception {
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(client, 1 << 16);
        PipedInputStream serverOut = new PipedInputStream(1 << 16);
        PipedOutputStream stdout = new PipedOutputStream(serverOut);
        BufferedReader replies = new BufferedReader(new InputStreamReader(serverOut, StandardCharsets.UTF_8));
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch ran = new CountDownLatch(1);
        LineStdioTransportProvider transport = new LineStdioTransportProvider(McpServerFactory::jsonMapper, stdin,
                stdout, () -> {
                    runs.incrementAndGet();
                    ran.countDown();
                });
        McpSyncServer server = McpServerFactory.stdio(transport, new ToolCatalog(List.of(), List.of()), "test");

        send(client, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertThat(next(replies).get("id").asInt()).isEqualTo(1);
        send(client, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(client, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}");
        assertThat(next(replies).get("id").asInt()).isEqualTo(2);
        assertThat(runs.get()).as("not before a tools/list answer").isZero();

        send(client, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\",\"params\":{}}");
        JsonNode listed = next(replies);
        assertThat(listed.get("id").asInt()).isEqualTo(3);
        assertThat(listed.at("/result/tools").isArray()).isTrue();
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();

        send(client, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\",\"params\":{}}");
        assertThat(next(replies).get("id").asInt()).isEqualTo(4);
        client.close();
        transport.awaitFinished();
        assertThat(runs.get()).as("once, however many tools/list requests come").isEqualTo(1);
        server.closeGracefully();
    }

    private static void send(PipedOutputStream client, String line) throws IOException {
        client.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        client.flush();
    }

    private static JsonNode next(BufferedReader replies) throws IOException {
        return JSON.readTree(replies.readLine());
    }
}
