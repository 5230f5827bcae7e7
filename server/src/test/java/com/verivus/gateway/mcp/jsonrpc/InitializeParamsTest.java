package com.verivus.gateway.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.mcp.McpServerFactory;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** {@link InitializeParams} makes of initialize's params exactly the request the SDK's Jackson mapper makes. */
class InitializeParamsTest {

    private static final McpJsonMapper JSON = McpServerFactory.jsonMapper();

    /** What real clients sent as initialize params (captured from their stdin, or as their code writes them). */
    private static final List<String> CLIENTS = List.of(
            // Claude Code 2.1.197 (`claude mcp list`), captured
            "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"roots\":{},\"elicitation\":{}},\"clientInfo\":"
                    + "{\"name\":\"claude-code\",\"title\":\"Claude Code\",\"version\":\"2.1.197\",\"description\":"
                    + "\"Anthropic's agentic coding tool\",\"websiteUrl\":\"https://claude.com/claude-code\"}}",
            // the MCP Inspector's CLI 0.5.1, captured
            "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"inspector-cli\","
                    + "\"version\":\"0.5.1\"}}",
            // the Inspector's web client
            "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"sampling\":{},\"elicitation\":{},"
                    + "\"roots\":{\"listChanged\":true}},\"clientInfo\":{\"name\":\"inspector-client\",\"version\":\"0.17.0\"}}",
            // Codex
            "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"elicitation\":{}},"
                    + "\"clientInfo\":{\"name\":\"codex-mcp-client\",\"title\":\"Codex\",\"version\":\"0.46.0\"}}",
            // the MCP SDK's Java client
            "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"roots\":{\"listChanged\":false},\"sampling\":{}},"
                    + "\"clientInfo\":{\"name\":\"Java SDK MCP Client\",\"version\":\"1.0.0\"}}");

    @Test
    void what_real_clients_send_is_read_here_and_equals_what_jackson_reads() throws IOException {
        for (String text : CLIENTS) {
            Object params = JSON.readValue(text, Object.class);
            Optional<InitializeRequest> read = InitializeParams.common(params);
            assertThat(read).as(text).isPresent();
            assertThat(read.get()).as(text).isEqualTo(JSON.convertValue(params, InitializeParams.TYPE));
            assertThat(InitializeParams.read(params, JSON)).isEqualTo(read.get());
        }
    }

    @Test
    void other_shapes_are_left_to_jackson() throws IOException {
        String icons = "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"experimental\":{\"x\":{}}},"
                + "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\",\"icons\":[{\"src\":\"https://example.com/i.png\"}]}}";
        Object params = JSON.readValue(icons, Object.class);
        assertThat(InitializeParams.common(params)).isEmpty();
        InitializeRequest read = InitializeParams.read(params, JSON);
        assertThat(read).isEqualTo(JSON.convertValue(params, InitializeParams.TYPE));
        assertThat(read.clientInfo().icons()).hasSize(1);
        assertThat(read.capabilities().experimental()).containsKey("x");

        Object missing = JSON.readValue("{\"protocolVersion\":\"2025-06-18\"}", Object.class);
        assertThat(InitializeParams.common(missing)).isEmpty();
        assertThat(InitializeParams.read(missing, JSON)).isEqualTo(JSON.convertValue(missing, InitializeParams.TYPE));

        Object wrong = JSON.readValue("{\"protocolVersion\":\"2025-06-18\",\"capabilities\":[],"
                + "\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}", Object.class);
        assertThat(InitializeParams.common(wrong)).isEmpty();
        assertThatThrownBy(() -> InitializeParams.read(wrong, JSON)).isInstanceOf(RuntimeException.class);
    }

    @Property(tries = 1000)
    void generated_params_read_here_equal_what_jackson_reads(@ForAll("params") Map<String, Object> params) {
        Optional<InitializeRequest> read = InitializeParams.common(params);
        Statistics.label("read here").collect(read.isPresent());
        Statistics.label("read here").coverage(c -> c.check(true).percentage(p -> p > 5));
        if (read.isPresent()) {
            assertThat(read.get()).isEqualTo(JSON.convertValue(params, InitializeParams.TYPE));
        }
    }

    /** Each field absent, or a value of a shape read here, or a near miss: another type, null, an extra field. */
    @Provide
    Arbitrary<Map<String, Object>> params() {
        Arbitrary<Object> version = mostly(Arbitraries.of("2025-06-18", "2025-11-25", "", "x"), 7, null, true);
        Arbitrary<Object> bool = mostly(Arbitraries.of(true, false), "true", null, 1);
        Arbitrary<Object> empty = mostly(Arbitraries.just(Map.of()), Map.of("form", Map.of()), Map.of("x", 1),
                List.of(), null, "");
        Arbitrary<Object> capabilities = object(Map.of("roots", object(Map.of("listChanged", bool), Map.of()),
                "sampling", empty, "elicitation", empty), Map.of("experimental", nullOr(Map.of("k", Map.of()))));
        Arbitrary<Object> text = mostly(Arbitraries.strings().ofMaxLength(6), 3, null, List.of("a"), false);
        Arbitrary<Object> client = object(Map.of("name", text, "version", text, "title", text, "description", text,
                "websiteUrl", text), Map.of("icons", nullOr(List.of(Map.of("src", "https://example.com/i.png")))));
        return object(Map.of("protocolVersion", version, "capabilities", capabilities, "clientInfo", client),
                Map.of("_meta", nullOr(Map.of("k", "v")))).filter(Map.class::isInstance).map(InitializeParamsTest::asMap);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** Mostly a {@code likely} value, sometimes one of the {@code nearMisses}. */
    private static Arbitrary<Object> mostly(Arbitrary<?> likely, Object... nearMisses) {
        return Arbitraries.frequencyOf(Tuple.of(4, likely.map(Object.class::cast)),
                Tuple.of(1, Arbitraries.of(Arrays.asList(nearMisses))));
    }

    private static Arbitrary<Object> nullOr(Object value) {
        return Arbitraries.of(Arrays.asList(value, null));
    }

    /**
     * Objects with each of the {@code usual} fields present (five times in six) or absent and each of the
     * {@code rare} ones present once in six; now and then a non-object instead.
     */
    private static Arbitrary<Object> object(Map<String, Arbitrary<Object>> usual, Map<String, Arbitrary<Object>> rare) {
        Map<String, Arbitrary<Object>> fields = new LinkedHashMap<>(usual);
        fields.putAll(rare);
        List<String> names = List.copyOf(fields.keySet());
        Arbitrary<List<Boolean>> present = Combinators.combine(names.stream()
                .map(n -> Arbitraries.integers().between(1, 6).map(d -> usual.containsKey(n) ? d > 1 : d == 1))
                .toList()).as(ps -> ps);
        Arbitrary<List<Object>> values = Combinators.combine(names.stream().map(fields::get).toList()).as(vs -> vs);
        Arbitrary<Object> objects = Combinators.combine(present, values).as((ps, vs) -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (ps.get(i)) {
                    map.put(names.get(i), vs.get(i));
                }
            }
            return map;
        });
        return Arbitraries.frequencyOf(Tuple.of(12, objects), Tuple.of(1, Arbitraries.of("text", 5, List.of())));
    }
}
