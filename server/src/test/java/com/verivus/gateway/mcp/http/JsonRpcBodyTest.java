package com.verivus.gateway.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.mcp.McpServerFactory;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonRpcBodyTest {

    static JsonRpcBody.Outcome read(String body, long max) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return JsonRpcBody.read(new ByteArrayInputStream(bytes), -1, max, McpServerFactory.jsonMapper());
    }

    static JsonRpcBody.Outcome read(String body) {
        return read(body, 1024);
    }

    @Test
    void eachKindOfMessageIsRecognised() {
        assertThat(((JsonRpcBody.Message) read("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).message())
                .isInstanceOf(McpSchema.JSONRPCRequest.class);
        assertThat(((JsonRpcBody.Message) read("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                .message()).isInstanceOf(McpSchema.JSONRPCNotification.class);
        assertThat(((JsonRpcBody.Message) read("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":{}}")).message())
                .isInstanceOf(McpSchema.JSONRPCResponse.class);
    }

    @Test
    void malformedJsonIsAParseError() {
        for (String body : new String[] {"", "   ", "{", "{\"jsonrpc\":\"2.0\"} trailing", "nul"}) {
            assertThat(read(body)).as("'" + body + "'").isInstanceOfSatisfying(JsonRpcBody.Rejected.class, r -> {
                assertThat(r.httpStatus()).isEqualTo(400);
                assertThat(r.code()).isEqualTo(-32700);
            });
        }
    }

    @Test
    void wellFormedJsonOfTheWrongShapeIsAnInvalidRequest() {
        for (String body : new String[] {"[]", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", "\"x\"",
                "{}", "{\"jsonrpc\":\"2.0\"}", "{\"jsonrpc\":\"2.0\",\"method\":5}",
                "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}", "{\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1}"}) {
            assertThat(read(body)).as(body).isInstanceOfSatisfying(JsonRpcBody.Rejected.class, r -> {
                assertThat(r.httpStatus()).isEqualTo(400);
                assertThat(r.code()).isEqualTo(-32600);
            });
        }
    }

    @Test
    void bodiesOverTheLimitAre413WhetherDeclaredOrStreamed() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        assertThat(read(body, body.length())).isInstanceOf(JsonRpcBody.Message.class);
        assertThat(read(body, body.length() - 1)).isInstanceOfSatisfying(JsonRpcBody.Rejected.class,
                r -> assertThat(r.httpStatus()).isEqualTo(413));
        JsonRpcBody.Outcome declared = JsonRpcBody.read(new ByteArrayInputStream(new byte[0]), 10_000, 1024,
                McpServerFactory.jsonMapper());
        assertThat(declared).isInstanceOfSatisfying(JsonRpcBody.Rejected.class,
                r -> assertThat(r.httpStatus()).isEqualTo(413));
    }

    @Test
    void errorBodyIsAJsonRpcErrorWithoutId() throws Exception {
        var tree = new ObjectMapper().readTree(JsonRpcBody.errorBody(-32700, "Parse error: x"));
        assertThat(tree.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(tree.get("id").isNull()).isTrue();
        assertThat(tree.at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(tree.at("/error/message").asText()).isEqualTo("Parse error: x");
    }

    @Test
    void acceptHeaderDecidesBetweenJsonAndEventStream() {
        assertThat(AcceptHeader.of(Optional.empty())).isEqualTo(new AcceptHeader(true, true));
        assertThat(AcceptHeader.of(Optional.of("application/json, text/event-stream")))
                .isEqualTo(new AcceptHeader(true, true));
        assertThat(AcceptHeader.of(Optional.of("application/json;q=0.9"))).isEqualTo(new AcceptHeader(true, false));
        assertThat(AcceptHeader.of(Optional.of("text/event-stream"))).isEqualTo(new AcceptHeader(false, true));
        assertThat(AcceptHeader.of(Optional.of("*/*"))).isEqualTo(new AcceptHeader(true, true));
        assertThat(AcceptHeader.of(Optional.of("text/html")).none()).isTrue();
    }
}
