package com.verivus.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP gateway's contract, run against every way of starting it (in-process, real process).
 * Subclasses start one gateway per class with bearer token {@link #TOKEN} and a body limit of
 * {@link #MAX_BODY} bytes, and expose its MCP URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractHttpGatewaySuite {

    static final String TOKEN = "test-token-1234-abcd";
    static final long MAX_BODY = 64 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
            + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"suite\",\"version\":\"1\"}}}";

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The MCP endpoint of the running gateway. */
    abstract URI mcpUrl();

    URI url(String path) {
        return mcpUrl().resolve(path);
    }

    McpSyncClient sdkClient() {
        URI mcp = mcpUrl();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://" + mcp.getHost() + ":" + mcp.getPort())
                .endpoint(mcp.getPath())
                .addHttpRequestCustomizer((builder, method, uri, body, context) ->
                        builder.header("Authorization", "Bearer " + TOKEN))
                .build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)).build();
    }

    HttpResponse<String> post(String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(mcpUrl()).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", "application/json");
        all.put("Accept", "application/json, text/event-stream");
        all.put("Authorization", "Bearer " + TOKEN);
        all.putAll(headers);
        all.forEach((k, v) -> {
            if (!v.isEmpty()) { // an empty value leaves the default header out
                b.header(k, v);
            }
        });
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs initialize to {@code mcp} with the token and a JSON Content-Type only (no Accept, no timeout). */
    HttpResponse<String> postInitialize(URI mcp) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(mcp).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(INIT)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> request(String method, URI uri, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Initializes a session over plain HTTP and returns its id. */
    String openSession() throws IOException, InterruptedException {
        HttpResponse<String> init = post(INIT, Map.of());
        assertThat(init.statusCode()).isEqualTo(200);
        String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        HttpResponse<String> initialized = post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                Map.of("Mcp-Session-Id", id, "MCP-Protocol-Version", "2025-11-25"));
        assertThat(initialized.statusCode()).isEqualTo(202);
        return id;
    }

    static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }

    /** The JSON-RPC message carried by an SSE body (the first data line). */
    static JsonNode sseMessage(String body) throws IOException {
        for (String line : body.split("\n")) {
            if (line.startsWith("data:")) {
                return JSON.readTree(line.substring(5).trim());
            }
        }
        throw new AssertionError("no data line in SSE body: " + body);
    }

    @Test
    void sdkClientInitializesOverStreamableHttpAndListsTools() {
        try (McpSyncClient client = sdkClient()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("llm-cli-gateway");
            assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
            assertThat(init.capabilities().tools()).isNotNull();
            McpSchema.ListToolsResult tools = client.listTools();
            assertThat(tools.tools()).extracting(McpSchema.Tool::name).containsAll(expectedToolNames());
            client.ping();
        }
    }

    /** Tool names the gateway under test must list. */
    abstract java.util.List<String> expectedToolNames();

    @Test
    void initializeAnswersJsonWithAVisibleAsciiSessionId() throws Exception {
        HttpResponse<String> init = post(INIT, Map.of());
        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(init.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        String id = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(id).hasSizeGreaterThanOrEqualTo(32).matches("[\\x21-\\x7E]+");
        assertThat(json(init.body()).at("/result/serverInfo/name").asText()).isEqualTo("llm-cli-gateway");
        assertThat(post(INIT, Map.of()).headers().firstValue("Mcp-Session-Id")).get().isNotEqualTo(id);
    }

    @Test
    void requestOnASessionIsAnsweredAsServerSentEvents() throws Exception {
        String session = openSession();
        HttpResponse<String> list = post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/list\"}",
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        JsonNode message = sseMessage(list.body());
        assertThat(message.path("id").asInt()).isEqualTo(7);
        assertThat(message.at("/result/tools").isArray()).isTrue();
    }

    @Test
    void clientAcceptingOnlyJsonGetsAJsonResponse() throws Exception {
        String session = openSession();
        HttpResponse<String> ping = post("{\"jsonrpc\":\"2.0\",\"id\":\"p1\",\"method\":\"ping\"}",
                Map.of("Mcp-Session-Id", session, "Accept", "application/json"));
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(ping.body()).path("id").asText()).isEqualTo("p1");
        assertThat(json(ping.body()).has("result")).isTrue();
    }

    @Test
    void aClientNotificationIsAcceptedWith202WhetherOrNotAListeningStreamIsOpen() throws Exception {
        String session = openSession();
        for (String method : new String[] {"notifications/roots/list_changed", "notifications/cancelled",
            "notifications/something_new"}) {
            HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":{}}",
                    Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "2025-11-25"));
            assertThat(r.statusCode()).as(method).isEqualTo(202);
        }
        HttpResponse<String> ping = post("{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"ping\"}",
                Map.of("Mcp-Session-Id", session, "Accept", "application/json"));
        assertThat(ping.statusCode()).isEqualTo(200);
    }

    @Test
    void missingTokenGets401WithBearerChallenge() throws Exception {
        HttpResponse<String> r = post(INIT, Map.of("Authorization", ""));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"llm-cli-gateway\"");
        assertThat(json(r.body()).path("error").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void wrongTokenGets401() throws Exception {
        HttpResponse<String> wrong = post(INIT, Map.of("Authorization", "Bearer " + TOKEN + "x"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> basic = post(INIT, Map.of("Authorization", "Basic " + TOKEN));
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(json(basic.body()).path("error").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void healthzIsOpenWithoutTokenAndRevealsNoSessionCount() throws Exception {
        openSession();
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            HttpResponse<String> r = request(method, url("/healthz"), Map.of());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json(r.body())).isEqualTo(JSON.readTree("{\"ok\":true}"));
        }
    }

    @Test
    void unknownPathGets404Json() throws Exception {
        HttpResponse<String> r = request("GET", url("/nope"), Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r.body()).path("error").asText()).isEqualTo("Not found");
    }

    @Test
    void otherMethodOnMcpPathGets405WithAllow() throws Exception {
        HttpResponse<String> r = request("PUT", mcpUrl(), Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
    }

    @Test
    void foreignOriginGets403() throws Exception {
        HttpResponse<String> r = post(INIT, Map.of("Origin", "http://evil.example.com"));
        assertThat(r.statusCode()).isEqualTo(403);
        HttpResponse<String> nullOrigin = post(INIT, Map.of("Origin", "null"));
        assertThat(nullOrigin.statusCode()).isEqualTo(403);
    }

    @Test
    void loopbackOriginOnAnyPortIsAccepted() throws Exception {
        assertThat(post(INIT, Map.of("Origin", "http://localhost:5173")).statusCode()).isEqualTo(200);
        assertThat(post(INIT, Map.of("Origin", "http://127.0.0.1:" + mcpUrl().getPort())).statusCode())
                .isEqualTo(200);
        assertThat(post(INIT, Map.of("Origin", "http://[::1]:8080")).statusCode()).isEqualTo(200);
    }

    @Test
    void foreignHostGets421EvenWithAValidToken() throws Exception {
        RawHttp.Response r = RawHttp.send(mcpUrl(), "POST", "evil.example.com:" + mcpUrl().getPort(),
                "Authorization: Bearer " + TOKEN + "\r\nAccept: application/json, text/event-stream\r\n", INIT);
        assertThat(r.status()).isEqualTo(421);
        RawHttp.Response ok = RawHttp.send(mcpUrl(), "POST", "localhost:" + mcpUrl().getPort(),
                "Authorization: Bearer " + TOKEN + "\r\nAccept: application/json, text/event-stream\r\n", INIT);
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void malformedJsonGets400ParseErrorNot500() throws Exception {
        HttpResponse<String> r = post("{\"jsonrpc\":", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r.body()).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(json(r.body()).path("jsonrpc").asText()).isEqualTo("2.0");
    }

    @Test
    void jsonThatIsNotAJsonRpcMessageGets400InvalidRequest() throws Exception {
        for (String body : new String[] {"[1,2]", "42", "{\"hello\":1}", "{\"jsonrpc\":\"1.0\",\"method\":\"x\"}"}) {
            HttpResponse<String> r = post(body, Map.of());
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(json(r.body()).at("/error/code").asInt()).as(body).isEqualTo(-32600);
        }
    }

    @Test
    void bodyOverTheLimitGets413() throws Exception {
        String padding = "x".repeat((int) MAX_BODY);
        String big = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\"" + padding + "\"}}";
        HttpResponse<String> r = post(big, Map.of());
        assertThat(r.statusCode()).isEqualTo(413);
    }

    @Test
    void unknownSessionGets404() throws Exception {
        HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                Map.of("Mcp-Session-Id", "no-such-session"));
        assertThat(r.statusCode()).isEqualTo(404);
        HttpResponse<String> get = request("GET", mcpUrl(), Map.of("Authorization", "Bearer " + TOKEN,
                "Accept", "text/event-stream", "Mcp-Session-Id", "no-such-session"));
        assertThat(get.statusCode()).isEqualTo(404);
    }

    @Test
    void missingSessionIdOnANonInitializeRequestGets400() throws Exception {
        HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void deletedSessionGets404Afterwards() throws Exception {
        String session = openSession();
        HttpResponse<String> del = request("DELETE", mcpUrl(),
                Map.of("Authorization", "Bearer " + TOKEN, "Mcp-Session-Id", session));
        assertThat(del.statusCode()).isBetween(200, 204);
        HttpResponse<String> reuse = post("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}",
                Map.of("Mcp-Session-Id", session));
        assertThat(reuse.statusCode()).isEqualTo(404);
        HttpResponse<String> again = request("DELETE", mcpUrl(),
                Map.of("Authorization", "Bearer " + TOKEN, "Mcp-Session-Id", session));
        assertThat(again.statusCode()).isEqualTo(404);
    }

    @Test
    void unsupportedProtocolVersionHeaderGets400AndKnownOnesPass() throws Exception {
        String session = openSession();
        HttpResponse<String> bad = post("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}",
                Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", "1999-01-01"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad.body()).at("/error/message").asText()).contains("1999-01-01");
        for (String v : new String[] {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"}) {
            HttpResponse<String> ok = post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}",
                    Map.of("Mcp-Session-Id", session, "MCP-Protocol-Version", v));
            assertThat(ok.statusCode()).as(v).isEqualTo(200);
        }
    }

    @Test
    void processHealthNeedsTheToken() throws Exception {
        HttpResponse<String> anonymous = request("GET", url("/process-health"), Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> post = request("POST", url("/process-health"), Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }
}
