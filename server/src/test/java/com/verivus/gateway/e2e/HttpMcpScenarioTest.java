package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import com.verivus.gateway.testing.JsonRpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

/**
 * The MCP scenarios over streamable HTTP: {@code gateway --transport=http} on an ephemeral port with a
 * bearer token, the SDK's {@code HttpClientStreamableHttpTransport}; raw requests are POSTed on a session
 * of their own, once accepting JSON or SSE and once JSON only, and must get the same answer both ways.
 */
class HttpMcpScenarioTest extends AbstractMcpScenarioSuite {

    private static final String TOKEN = "scenario-suite-token-0123456789";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String session;

    @Override
    GatewayClient connect(GatewayProcess.Builder launch) {
        return launch.http().env("LLM_GATEWAY_AUTH_TOKEN", TOKEN).connectHttp(TOKEN);
    }

    @Override
    JsonNode rawExchange(String request) throws Exception {
        URI url = gw.url();
        if (session == null) {
            HttpResponse<String> init = post(url, null, "application/json, text/event-stream", JsonRpc.initialize(1));
            session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            assertThat(post(url, session, "application/json", JsonRpc.initialized()).statusCode()).isEqualTo(202);
        }
        JsonNode either = answer(post(url, session, "application/json, text/event-stream", request));
        JsonNode jsonOnly = answer(post(url, session, "application/json", request));
        assertThat(jsonOnly).isEqualTo(either);
        return either;
    }

    /** The one JSON-RPC message of a JSON or SSE response. */
    private static JsonNode answer(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
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
        // bounded: a stream that opens and never answers is the failure this guards against
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).get(30, TimeUnit.SECONDS);
    }
}
