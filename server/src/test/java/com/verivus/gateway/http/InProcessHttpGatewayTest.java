package com.verivus.gateway.http;

import com.verivus.gateway.access.BearerAuth;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.mcp.McpServerFactory;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.mcp.http.HelidonStreamableTransportProvider;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway contract on an in-process server, plus what needs the server's internals or other settings. */
class InProcessHttpGatewayTest extends AbstractHttpGatewaySuite {

    static final Map<String, Object> HEALTH = Map.of("status", "ok", "marker", "in-process-health");

    /** One running gateway: transport, MCP server and web server, closed in that order. */
    record Running(HelidonStreamableTransportProvider transport, McpSyncServer server, HttpGateway gateway)
            implements AutoCloseable {
        URI url() {
            return gateway.url();
        }

        @Override
        public void close() {
            server.closeGracefully();
            gateway.close();
        }
    }

    static Running start(HttpSettings settings, Duration idleTimeout) {
        // A long keep-alive: streams must open (headers out) without waiting for the first comment.
        return start(settings, idleTimeout, Duration.ofSeconds(30));
    }

    static Running start(HttpSettings settings, Duration idleTimeout, Duration keepAlive) {
        ToolCatalog catalog = new ToolCatalog(List.of(TestTools.echo(), TestTools.processHealth(HEALTH)), List.of());
        HelidonStreamableTransportProvider transport =
                HelidonStreamableTransportProvider.builder(McpServerFactory.jsonMapper())
                        .maxBodyBytes(settings.maxBodyBytes())
                        .keepAlive(keepAlive)
                        .sessionIdleTimeout(idleTimeout)
                        .build();
        McpSyncServer server = McpServerFactory.streamable(transport, catalog, "test instructions");
        return new Running(transport, server, HttpGateway.start(settings, transport, () -> ToolResults.pretty(HEALTH)));
    }

    static HttpSettings settings() {
        return HttpSettings.defaults().withPort(0).withAuth(Optional.of(TOKEN), false).withMaxBodyBytes(MAX_BODY);
    }

    Running running;

    @BeforeAll
    void startGateway() {
        running = start(settings(), HelidonStreamableTransportProvider.DEFAULT_SESSION_IDLE_TIMEOUT);
    }

    @AfterAll
    void stopGateway() {
        running.close();
    }

    @Override
    URI mcpUrl() {
        return running.url();
    }

    @Override
    List<String> expectedToolNames() {
        return List.of("test_echo", "llm_process_health");
    }

    @Test
    void sdkClientCallsAToolAndReceivesItsProgressOnTheRequestStream() {
        List<Double> progress = new CopyOnWriteArrayList<>();
        URI mcp = mcpUrl();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://" + mcp.getHost() + ":" + mcp.getPort()).endpoint(mcp.getPath())
                .addHttpRequestCustomizer((b, m, u, body, ctx) -> b.header("Authorization", "Bearer " + TOKEN))
                .build();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20))
                .progressConsumer(p -> progress.add(p.progress())).build()) {
            client.initialize();
            McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder("test_echo")
                    .arguments(Map.of("text", "hello gateway"))
                    .progressToken("tok-1").build());
            assertThat(result.isError()).isFalse();
            assertThat(((McpSchema.TextContent) result.content().get(0)).text()).isEqualTo("echo: hello gateway");
            // the SDK client hands each notification to its consumer on its own subscription, so two that
            // arrive back to back on the stream may reach the consumer in either order, and after the result
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (progress.size() < 2 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
            assertThat(progress).containsExactlyInAnyOrder(1.0, 2.0);

            McpSchema.CallToolResult invalid = client.callTool(McpSchema.CallToolRequest.builder("test_echo")
                    .arguments(Map.of()).build());
            assertThat(invalid.isError()).isTrue();
        }
    }

    @Test
    void sdkClientReceivesListChangedThroughItsListeningStream() throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        URI mcp = mcpUrl();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://" + mcp.getHost() + ":" + mcp.getPort()).endpoint(mcp.getPath())
                .addHttpRequestCustomizer((b, m, u, body, ctx) -> b.header("Authorization", "Bearer " + TOKEN))
                .build();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20))
                .toolsChangeConsumer(tools -> changed.countDown()).build()) {
            client.initialize();
            // The client opens its GET stream right after initialization; notify until it is there.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (changed.getCount() > 0 && System.nanoTime() < deadline) {
                running.server().notifyToolsListChanged();
                changed.await(200, TimeUnit.MILLISECONDS);
            }
            assertThat(changed.getCount()).isZero();
        }
    }

    @Test
    void getListeningStreamReceivesServerNotifications() throws Exception {
        String session = openSession();
        HttpResponse<InputStream> stream = openListeningStream(session);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        running.transport().notifyClients("notifications/message",
                Map.of("level", "info", "data", "hello listeners")).block();
        JsonNode note = nextMessage(stream.body(), Duration.ofSeconds(10));
        assertThat(note.path("method").asText()).isEqualTo("notifications/message");
        assertThat(note.at("/params/data").asText()).isEqualTo("hello listeners");
        stream.body().close();
    }

    @Test
    void secondGetReplacesTheFirstListeningStreamWhichEnds() throws Exception {
        String session = openSession();
        HttpResponse<InputStream> first = openListeningStream(session);
        HttpResponse<InputStream> second = openListeningStream(session);
        assertThat(readToEnd(first.body(), Duration.ofSeconds(10))).doesNotContain("data:");
        running.transport().notifyClients("notifications/message", Map.of("level", "info", "data", "to second"))
                .block();
        assertThat(nextMessage(second.body(), Duration.ofSeconds(10)).at("/params/data").asText())
                .isEqualTo("to second");
        second.body().close();
    }

    @Test
    void deleteEndsTheSessionsListeningStream() throws Exception {
        String session = openSession();
        HttpResponse<InputStream> stream = openListeningStream(session);
        HttpResponse<String> del = request("DELETE", mcpUrl(),
                Map.of("Authorization", "Bearer " + TOKEN, "Mcp-Session-Id", session));
        assertThat(del.statusCode()).isEqualTo(204);
        assertThat(readToEnd(stream.body(), Duration.ofSeconds(10))).doesNotContain("data:");
    }

    @Test
    void concurrentRequestsOnOneSessionEachGetTheirOwnStream() throws Exception {
        String session = openSession();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int id = 100 + i;
                calls.add(pool.submit(() -> post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/list\"}",
                        Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-03-26"))));
            }
            List<Integer> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> f : calls) {
                HttpResponse<String> r = f.get(20, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                ids.add(sseMessage(r.body()).path("id").asInt());
            }
            Collections.sort(ids);
            assertThat(ids).containsExactly(100, 101, 102);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void processHealthServesTheJsonOfTheProcessHealthTool() throws Exception {
        HttpResponse<String> r = request("GET", url("/process-health"), Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(r.body())).isEqualTo(JSON.valueToTree(HEALTH));
        RawHttp.Response foreign = RawHttp.send(url("/process-health"), "GET", "evil.example.com",
                "Authorization: Bearer " + TOKEN + "\r\n", null);
        assertThat(foreign.status()).isEqualTo(421);
    }

    @Test
    void withoutAConfiguredTokenEveryMcpRequestGets503() throws Exception {
        try (Running noToken = start(settings().withAuth(Optional.empty(), false), Duration.ofHours(1))) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(noToken.url())
                    .header("Content-Type", "application/json").header("Authorization", "Bearer anything")
                    .POST(HttpRequest.BodyPublishers.ofString(INIT)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(json(r.body()).path("error").asText())
                    .isEqualTo("HTTP transport requires LLM_GATEWAY_AUTH_TOKEN");
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue(BearerAuth.CHALLENGE);
            HttpResponse<String> health = request("GET", noToken.url().resolve("/healthz"), Map.of());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void disabledAuthLetsAClientInWithoutAToken() {
        try (Running open = start(settings().withAuth(Optional.empty(), true), Duration.ofHours(1))) {
            URI mcp = open.url();
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                    .builder("http://" + mcp.getHost() + ":" + mcp.getPort()).endpoint(mcp.getPath()).build();
            try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build()) {
                client.initialize();
                McpSchema.CallToolResult r = client.callTool(McpSchema.CallToolRequest.builder("test_echo")
                        .arguments(Map.of("text", "open")).build());
                assertThat(((McpSchema.TextContent) r.content().get(0)).text()).isEqualTo("echo: open");
            }
        }
    }

    @Test
    void publicUrlHostAndAllowListEntriesPassHostAndOriginChecks() throws Exception {
        HttpSettings s = settings().withAllowedHosts(Optional.of("https://mcp.example.com/mcp"),
                List.of("lan.example:8443", "Other.Example"));
        try (Running r = start(s, Duration.ofHours(1))) {
            String auth = "Authorization: Bearer " + TOKEN + "\r\nAccept: application/json, text/event-stream\r\n";
            assertThat(RawHttp.send(r.url(), "POST", "mcp.example.com", auth, INIT).status()).isEqualTo(200);
            assertThat(RawHttp.send(r.url(), "POST", "mcp.example.com:443",
                    auth + "Origin: https://mcp.example.com\r\n", INIT).status()).isEqualTo(200);
            assertThat(RawHttp.send(r.url(), "POST", "lan.example:8443", auth, INIT).status()).isEqualTo(200);
            assertThat(RawHttp.send(r.url(), "POST", "lan.example:9999", auth, INIT).status()).isEqualTo(421);
            assertThat(RawHttp.send(r.url(), "POST", "other.example:1234", auth, INIT).status()).isEqualTo(200);
            assertThat(RawHttp.send(r.url(), "POST", "mcp.example.com",
                    auth + "Origin: https://attacker.example\r\n", INIT).status()).isEqualTo(403);
        }
    }

    @Test
    void closingTheServerEndsOpenStreamsAndRefusesNewRequests() throws Exception {
        Running r = start(settings(), Duration.ofHours(1));
        URI mcp = r.url();
        HttpResponse<String> init = postInitialize(mcp);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(mcp).GET()
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream")
                .header("Mcp-Session-Id", session).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.transport().sessionCount()).isEqualTo(1);
        r.server().closeGracefully();
        assertThat(readToEnd(stream.body(), Duration.ofSeconds(10))).doesNotContain("data:");
        assertThat(r.transport().sessionCount()).isZero();
        HttpResponse<String> after = postInitialize(mcp);
        assertThat(after.statusCode()).isEqualTo(503);
        r.gateway().close();
    }

    @Test
    void sessionsIdleBeyondTheTimeoutAreReclaimed() throws Exception {
        try (Running r = start(settings(), Duration.ofMillis(200))) {
            HttpResponse<String> init = postInitialize(r.url());
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (r.transport().sessionCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            HttpResponse<String> later = http.send(HttpRequest.newBuilder(r.url())
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                    .header("Mcp-Session-Id", session)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(later.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void quietStreamsGetKeepAliveCommentsAndStreamsOfGoneClientsAreReleased() throws Exception {
        try (Running r = start(settings(), Duration.ofMillis(300), Duration.ofMillis(100))) {
            HttpResponse<String> init = postInitialize(r.url());
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            HttpResponse<InputStream> stream = openListeningStream(r.url(), session);
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
            CompletableFuture<String> comment = CompletableFuture.supplyAsync(() -> {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.equals(": keep-alive")) {
                            return line;
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(comment.get(10, TimeUnit.SECONDS)).isEqualTo(": keep-alive");
            // The open stream keeps the session alive past its idle timeout...
            Thread.sleep(700);
            assertThat(r.transport().sessionCount()).isEqualTo(1);
            // ...until the client goes away: the next keep-alive fails, the stream is released, and
            // the idle session is reclaimed.
            stream.body().close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (r.transport().sessionCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(r.transport().sessionCount()).isZero();
        }
    }

    HttpResponse<InputStream> openListeningStream(String session) throws Exception {
        return openListeningStream(mcpUrl(), session);
    }

    HttpResponse<InputStream> openListeningStream(URI mcp, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(mcp).GET().header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "text/event-stream").header("Mcp-Session-Id", session)
                .header("MCP-Protocol-Version", "2025-11-25").build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The next SSE message on a stream (keep-alive comments skipped). */
    static JsonNode nextMessage(InputStream body, Duration timeout) throws Exception {
        CompletableFuture<JsonNode> next = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        return JSON.readTree(line.substring(5).trim());
                    }
                }
                throw new AssertionError("stream ended without a message");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return next.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything left on a stream until the server ends it (fails if it does not end in time). */
    static String readToEnd(InputStream body, Duration timeout) throws Exception {
        CompletableFuture<String> all = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(body.readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return all.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
