package com.verivus.gateway.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.mcp.McpServerFactory;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboundParserTest {

    private final InboundParser parser = new InboundParser(McpServerFactory.jsonMapper());

    private Inbound parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private Inbound.Refused refused(String text) {
        Inbound in = parse(text);
        assertThat(in).as(text).isInstanceOf(Inbound.Refused.class);
        Inbound.Refused r = (Inbound.Refused) in;
        assertThat(r.message()).as(text).doesNotContainPattern("java\\.|com\\.fasterxml|Exception|`");
        return r;
    }

    @Test
    void validRequestsNotificationsAndResponsesReachTheSession() {
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).isInstanceOfSatisfying(
                Inbound.Accepted.class, a -> assertThat(a.message()).isInstanceOf(McpSchema.JSONRPCRequest.class));
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"tools/call\",\"params\":{\"name\":\"t\","
                + "\"arguments\":{\"a\":[1]}}}")).isInstanceOf(Inbound.Accepted.class);
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                .isInstanceOf(Inbound.Accepted.class);
        assertThat(parse("{\"jsonrpc\":\"2.0\",\"id\":9223372036854775807,\"result\":{}}"))
                .isInstanceOf(Inbound.Accepted.class);
    }

    @Test
    void textThatIsNotJsonIsAParseErrorWithIdNull() {
        for (String text : new String[] {"{", "hello", "{\"jsonrpc\":\"2.0\"} x", "[".repeat(1001), "{\"a\":".repeat(2000)}) {
            Inbound.Refused r = refused(text);
            assertThat(r.code()).isEqualTo(-32700);
            assertThat(r.id()).isNull();
            assertThat(r.reply()).isTrue();
        }
        assertThat(refused("[".repeat(1001)).message()).isEqualTo("Parse error: nesting deeper than 1000 levels");
        assertThat(refused("{").message()).contains("line 1, column 2");
    }

    @Test
    void bytesThatAreNotUtf8AreAParseError() {
        byte[] bad = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"p\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        Inbound in = parser.parse(bad);
        assertThat(in).isInstanceOfSatisfying(Inbound.Refused.class, r -> {
            assertThat(r.code()).isEqualTo(-32700);
            assertThat(r.message()).isEqualTo("Parse error: the message is not valid UTF-8");
        });
    }

    @Test
    void jsonOfTheWrongShapeIsAnInvalidRequestWithIdNull() {
        String[] bad = {"null", "\"hello\"", "42", "[]", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]", "{}",
            "{\"id\":1,\"method\":\"ping\"}", "{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}", "{\"jsonrpc\":\"2.0\",\"method\":5}", "{\"jsonrpc\":\"2.0\",\"method\":\"\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}", "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":18446744073709551616,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"result\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{\"code\":1,\"message\":\"m\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":\"boom\"}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":null}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":5}"};
        for (String text : bad) {
            Inbound.Refused r = refused(text);
            assertThat(r.code()).as(text).isEqualTo(-32600);
            assertThat(r.id()).as(text).isNull();
            assertThat(r.reply()).as(text).isTrue();
        }
        assertThat(refused("[]").message()).contains("batches are not supported");
        assertThat(refused("{\"jsonrpc\":\"2.0\",\"id\":18446744073709551616,\"method\":\"ping\"}").message())
                .contains("too large");
    }

    @Test
    void badParamsOfARequestAreInvalidParamsWithItsIdAndNamedInJsonTerms() {
        assertThat(refused("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":null}"))
                .satisfies(r -> {
                    assertThat(r.code()).isEqualTo(-32602);
                    assertThat(r.id().asInt()).isEqualTo(7);
                    assertThat(r.message()).isEqualTo("Invalid params: tools/call needs params (an object)");
                });
        assertThat(refused("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/call\",\"params\":{\"name\":[\"x\"]}}")
                .message()).isEqualTo("Invalid params: params.name: expected a string, not an array");
        assertThat(refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"t\","
                + "\"arguments\":\"x\"}}").message())
                .isEqualTo("Invalid params: params.arguments: expected an object, not a string");
        assertThat(refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-11-25\",\"clientInfo\":\"me\"}}").message())
                .isEqualTo("Invalid params: params.clientInfo: expected an object, not a string");
        assertThat(refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"resources/read\",\"params\":{}}").message())
                .isEqualTo("Invalid params: params.uri is required");
        assertThat(refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[1,2]}").message())
                .isEqualTo("Invalid params: params must be an object, not an array");
        assertThat(refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\",\"params\":"
                + "{\"level\":\"loud\"}}").message()).startsWith("Invalid params: params.level: not one of debug, info,");
    }

    @Test
    void aNotificationWithBadParamsIsDroppedWithoutAReply() {
        Inbound.Refused r = refused("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":5}");
        assertThat(r.reply()).isFalse();
    }

    @Test
    void anErrorFromTheClientWithoutIdIsNotAnsweredAndNotPassedOn() {
        Inbound.Refused r = refused("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"bad\"}}");
        assertThat(r.reply()).isFalse();
    }

    @Test
    void errorRepliesAreJsonRpcWithTheIdOrNull() throws Exception {
        ObjectMapper json = new ObjectMapper();
        var withNull = json.readTree(ErrorReply.json(null, -32700, "Parse error: x"));
        assertThat(withNull.get("id").isNull()).isTrue();
        assertThat(withNull.at("/error/code").asInt()).isEqualTo(-32700);
        var withId = json.readTree(ErrorReply.json(json.readTree("\"abc\""), -32602, "m"));
        assertThat(withId.get("id").asText()).isEqualTo("abc");
        assertThat(withId.path("jsonrpc").asText()).isEqualTo("2.0");
    }

    @Test
    void anAcceptedMessageIsExactlyWhatTheSdkReadsFromTheText() throws Exception {
        for (String text : new String[] {
            "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"claude_request\","
                    + "\"arguments\":{\"prompt\":\"h\\u00e9 \\ud83d\\ude00\",\"n\":3,\"big\":5000000000,"
                    + "\"huge\":123456789012345678901234567890,\"f\":1.5,\"e\":1e3,\"t\":true,\"z\":null,"
                    + "\"a\":[1,\"x\",{\"k\":[]}],\"o\":{}},\"_meta\":{\"progressToken\":\"p\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"s-1\",\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":9007199254740993,\"method\":\"ping\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\",\"params\":null}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\",\"params\":null,\"extra\":[1]}",
            "{\"jsonrpc\":\"2.0\",\"id\":-9223372036854775808,\"method\":\"tools/list\",\"params\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":2147483648,\"method\":\"resources/list\",\"params\":{\"cursor\":\"c\"}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":7,\"reason\":\"r\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"roots\":[{\"uri\":\"file:///x\"}]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":-32601,\"message\":\"no\",\"data\":{\"d\":1}}}",
        }) {
            Inbound in = parse(text);
            assertThat(in).as(text).isInstanceOf(Inbound.Accepted.class);
            assertThat(((Inbound.Accepted) in).message()).as(text)
                    .isEqualTo(McpSchema.deserializeJsonRpcMessage(McpServerFactory.jsonMapper(), text));
        }
    }
}
