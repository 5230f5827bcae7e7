package com.verivus.gateway.e2e;

import com.verivus.gateway.testing.JsonRpc;
import com.verivus.gateway.testing.GatewayProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 §4 on the real HTTP gateway: {@code tools/call} with {@code params: null} or {@code name: ["x"]}
 * used to get an SSE stream that opened and never answered. Now each gets one JSON-RPC error with its id,
 * in the caller's terms, whichever response type the client accepts.
 */
class HttpBadParamsE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "bad-params-token-0123456789";

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void badToolCallParamsGetOneJsonRpcErrorWithTheirId() throws Exception {
        try (GatewayProcess gw = GatewayProcess.builder(home).args("--transport=http")
                .env("LLM_GATEWAY_HTTP_PORT", "0").env("LLM_GATEWAY_AUTH_TOKEN", TOKEN).start()) {
            URI url = gw.awaitUrl(Duration.ofSeconds(90));
            HttpResponse<String> init = post(url, null, "application/json, text/event-stream", JsonRpc.initialize(1));
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            assertThat(post(url, session, "application/json", JsonRpc.initialized()).statusCode()).isEqualTo(202);

            for (String accept : new String[] {"application/json, text/event-stream", "application/json"}) {
                JsonNode nullParams = answer(post(url, session, accept,
                        "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":null}"));
                assertThat(nullParams.get("id").asInt()).as(accept).isEqualTo(11);
                assertThat(nullParams.at("/error/code").asInt()).isEqualTo(-32602);
                assertThat(nullParams.at("/error/message").asText())
                        .isEqualTo("Invalid params: tools/call needs params (an object)");

                JsonNode arrayName = answer(post(url, session, accept,
                        "{\"jsonrpc\":\"2.0\",\"id\":\"n\",\"method\":\"tools/call\",\"params\":{\"name\":[\"x\"]}}"));
                assertThat(arrayName.get("id").asText()).isEqualTo("n");
                assertThat(arrayName.at("/error/message").asText())
                        .isEqualTo("Invalid params: params.name: expected a string, not an array");
            }
        }
    }

    /** The one JSON-RPC message of a JSON or SSE response. */
    private static JsonNode answer(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            String[] data = body.lines().filter(l -> l.startsWith("data:")).toArray(String[]::new);
            assertThat(data).hasSize(1);
            body = data[0].substring(5).strip();
        }
        return JSON.readTree(body);
    }

    private HttpResponse<String> post(URI url, String session, String accept, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json").header("Accept", accept)
                .header("MCP-Protocol-Version", JsonRpc.PROTOCOL_VERSION)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        // Bounded: the bug was a stream that never ended.
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);
    }
}
