package com.verivus.gateway.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.verivus.gateway.GatewayRuntime;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.mcp.McpServerFactory;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** {@link MessageWriter} writes exactly the text the SDK's Jackson mapper writes, for every message. */
class MessageWriterTest {

    private static final McpJsonMapper JSON = McpServerFactory.jsonMapper();
    private static final MessageWriter WRITER = new MessageWriter(JSON);

    @Test
    void the_gateways_own_initialize_and_tools_list_replies_are_the_mappers_text() throws IOException {
        Path home = Files.createTempDirectory("first-replies");
        try (GatewayRuntime runtime = GatewayRuntime.start(new GatewayEnvironment(Map.of(), home, home))) {
            List<Tool> tools = runtime.catalog().toolSpecifications().stream().map(SyncToolSpecification::tool)
                    .toList();
            assertThat(tools).hasSizeGreaterThan(30);
            ServerCapabilities capabilities = ServerCapabilities.builder()
                    .tools(true).logging().prompts(false).resources(false, true).build();
            InitializeResult init = new InitializeResult("2025-06-18", capabilities,
                    new Implementation("llm-cli-gateway", "0.1.0"), runtime.instructions());
            for (Object id : List.of(1, "a-string-id", 9_007_199_254_740_993L)) {
                assertSameText(JSONRPCResponse.result(id, init));
                assertSameText(JSONRPCResponse.result(id, new ListToolsResult(tools, null)));
                assertSameText(JSONRPCResponse.result(id, new ListToolsResult(tools, "next-page",
                        Map.of("k", List.of(1, 2)))));
            }
        }
    }

    @Test
    void a_tool_result_of_text_is_written_without_the_mappers_serializers() throws IOException {
        ObjectMapper poisoned = new ObjectMapper();
        SimpleModule refuse = new SimpleModule();
        refuse.addSerializer(McpSchema.CallToolResult.class, new JsonSerializer<>() {
            @Override
            public void serialize(McpSchema.CallToolResult value, JsonGenerator g, SerializerProvider p) {
                throw new IllegalStateException("the mapper wrote a tool result");
            }
        });
        poisoned.registerModule(refuse);
        MessageWriter writer = new MessageWriter(new JacksonMcpJsonMapper(poisoned));
        for (McpSchema.CallToolResult result : List.of(
                new McpSchema.CallToolResult(List.of(new McpSchema.TextContent("{\n  \"success\": true\n}")), false,
                        null, null),
                new McpSchema.CallToolResult(List.of(new McpSchema.TextContent("one"), new McpSchema.TextContent("two")),
                        true, Map.of("a", List.of(1, "b")), Map.of("m", 1)))) {
            JSONRPCResponse reply = JSONRPCResponse.result("call-1", result);
            assertThat(writer.write(reply)).isEqualTo(JSON.writeValueAsString(reply));
        }
    }

    @Test
    void other_messages_are_left_to_the_mapper() throws IOException {
        assertSameText(JSONRPCResponse.error(7, new JSONRPCResponse.JSONRPCError(-32602, "bad", Map.of("x", 1))));
        assertSameText(JSONRPCResponse.result(8, new McpSchema.CallToolResult(
                List.of(new McpSchema.TextContent("hi")), false, Map.of("a", "b"), null)));
        assertSameText(JSONRPCResponse.result(8, new McpSchema.CallToolResult(
                List.of(new McpSchema.ImageContent(null, "aW1n", "image/png")), false, null, null)));
        assertSameText(new McpSchema.JSONRPCNotification("2.0", "notifications/message", Map.of("level", "info")));
        assertSameText(JSONRPCResponse.result(9, Map.of()));
    }

    @Property(tries = 1000)
    void generated_replies_are_the_mappers_text(@ForAll("replies") JSONRPCResponse response) throws IOException {
        assertSameText(response);
    }

    private static void assertSameText(JSONRPCMessage message) throws IOException {
        assertThat(WRITER.write(message)).isEqualTo(JSON.writeValueAsString(message));
    }

    @Provide
    Arbitrary<JSONRPCResponse> replies() {
        Arbitrary<Object> id = Arbitraries.oneOf(Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l), text().map(s -> (Object) s));
        Arbitrary<Object> result = Arbitraries.oneOf(initializeResults(), toolLists(), toolResults());
        return Combinators.combine(id, result).as(JSONRPCResponse::result);
    }

    private static Arbitrary<Object> initializeResults() {
        Arbitrary<ServerCapabilities> capabilities = Combinators.combine(
                Arbitraries.of(true, false), nullableBoolean(), nullableBoolean(), nullableBoolean(),
                maybe(meta()),
                Arbitraries.of(true, false)).as((full, prompts, subscribe, tools, experimental, completions) -> {
                    if (!full) {
                        return new ServerCapabilities(null, null, null, null, null, null, null);
                    }
                    return new ServerCapabilities(
                            completions ? new ServerCapabilities.CompletionCapabilities() : null,
                            experimental,
                            new ServerCapabilities.LoggingCapabilities(),
                            new ServerCapabilities.PromptCapabilities(prompts),
                            new ServerCapabilities.ResourceCapabilities(subscribe, tools),
                            new ServerCapabilities.ToolCapabilities(tools),
                            experimental == null ? null : Map.of("ext", experimental));
                });
        Arbitrary<Implementation> info = Combinators.combine(text(), maybe(text()), text(), maybe(text()),
                maybe(text())).as((name, title, version, description, website) ->
                new Implementation(name, title, version, description, null, website));
        return Combinators.combine(text(), capabilities, info, maybe(text()), maybe(meta()))
                .as((version, caps, impl, instructions, meta) ->
                        new InitializeResult(version, caps, impl, instructions, meta));
    }

    private static Arbitrary<Object> toolLists() {
        Arbitrary<ToolAnnotations> annotations = Combinators.combine(maybe(text()), nullableBoolean(),
                nullableBoolean(), nullableBoolean(), nullableBoolean(), nullableBoolean())
                .as(ToolAnnotations::new);
        Arbitrary<Tool> tool = Combinators.combine(text(), maybe(text()), maybe(text()), meta(),
                maybe(meta()), maybe(annotations), maybe(meta()), Arbitraries.of(true, false))
                .as((name, title, description, input, output, notes, meta, icon) -> new Tool(name, title,
                        description, input, output, notes, meta,
                        icon ? List.of(new McpSchema.Icon("data:x", "image/png", List.of("16x16"), "dark")) : null));
        return Combinators.combine(tool.list().ofMaxSize(4), maybe(text()), maybe(meta()))
                .as((tools, cursor, meta) -> new ListToolsResult(tools, cursor, meta));
    }

    /** JSON-ish maps as tools' schemas and _meta hold them, with the odd value the writer hands to the mapper. */
    /** Text blocks (with or without _meta), sometimes an annotated or non-text block that goes to the mapper. */
    private static Arbitrary<Object> toolResults() {
        Arbitrary<McpSchema.Content> text = Combinators.combine(text(), maybe(meta()))
                .as((t, m) -> (McpSchema.Content) new McpSchema.TextContent(null, t, m));
        Arbitrary<McpSchema.Content> other = Arbitraries.of(
                new McpSchema.TextContent(new McpSchema.Annotations(List.of(McpSchema.Role.USER), 0.5), "annotated"),
                new McpSchema.ImageContent(null, "aW1n", "image/png"));
        Arbitrary<List<McpSchema.Content>> content = Arbitraries.frequencyOf(
                Tuple.of(9, text), Tuple.of(1, other)).list().ofMaxSize(3);
        return Combinators.combine(content, nullableBoolean(), maybe(meta()), maybe(meta()))
                .as((c, error, structured, meta) -> (Object) new McpSchema.CallToolResult(c, error, structured, meta));
    }

    private static Arbitrary<Map<String, Object>> meta() {
        return Arbitraries.maps(text(), values(3)).ofMaxSize(5).map(LinkedHashMap::new);
    }

    private static Arbitrary<Object> values(int depth) {
        List<Arbitrary<Object>> choices = new ArrayList<>(Arrays.asList(
                text().map(s -> (Object) s),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300).map(d -> (Object) d),
                Arbitraries.floats().map(f -> (Object) f),
                Arbitraries.bigDecimals().map(d -> (Object) d),
                Arbitraries.bigIntegers().map(i -> (Object) i),
                Arbitraries.just(null),
                Arbitraries.of(DayOfWeek.class).map(d -> (Object) d),
                Arbitraries.just(Set.of("only")).map(s -> (Object) s),
                Arbitraries.just(Map.of(1, "integer key")).map(m -> (Object) m),
                Arbitraries.just(new BigDecimal("1E+3")).map(d -> (Object) d),
                Arbitraries.just(BigInteger.TWO.pow(70)).map(i -> (Object) i),
                Arbitraries.just((short) 3).map(s -> (Object) s)));
        if (depth > 0) {
            choices.add(Arbitraries.maps(text(), values(depth - 1)).ofMaxSize(3).map(m -> (Object) m));
            choices.add(values(depth - 1).list().ofMaxSize(3).map(l -> (Object) l));
        }
        return Arbitraries.oneOf(choices);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("type", "properties", "quote\"back\\slash", "ctl\u0001\n\t", "ünïcødé ✓ 😀", ""));
    }

    private static Arbitrary<Boolean> nullableBoolean() {
        return Arbitraries.of(true, false).injectNull(0.3);
    }

    private static <T> Arbitrary<T> maybe(Arbitrary<T> value) {
        return value.injectNull(0.3);
    }
}
