package com.verivus.gateway.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.mcp.McpServerFactory;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/** {@link UntypedValue} gives the value, and the Java types, Jackson gives for {@code Object}. */
class UntypedValueTest {

    private static final McpJsonMapper JSON = McpServerFactory.jsonMapper();

    @Test
    void numbers_keep_the_type_the_parser_read() throws Exception {
        String text = "{\"i\":1,\"l\":9007199254740993,\"b\":123456789012345678901234567890,\"d\":1.5,\"e\":-2e-3,"
                + "\"z\":-0.0,\"s\":\"x\",\"t\":true,\"n\":null,\"a\":[[],{},[1,\"2\",null]],\"o\":{\"k\":{\"k\":[false]}}}";
        assertSame(text);
        Object value = UntypedValue.of(JsonLimits.STRICT.readTree(text));
        assertThat(value).asInstanceOf(MAP)
                .extractingByKeys("i", "l", "b", "d").map(v -> v.getClass().getSimpleName())
                .containsExactly("Integer", "Long", "BigInteger", "Double");
    }

    @Property(tries = 300)
    void generated_json_gives_what_jackson_gives(@ForAll("json") String text) throws Exception {
        assertSame(text);
    }

    private static void assertSame(String text) throws Exception {
        JsonNode tree = JsonLimits.STRICT.readTree(text);
        Object expected = JSON.convertValue(tree, Object.class);
        Object actual = UntypedValue.of(tree);
        assertThat(actual).isEqualTo(expected);
        assertThat(JSON.writeValueAsString(actual)).isEqualTo(JSON.writeValueAsString(expected));
    }

    @Provide
    Arbitrary<String> json() {
        return value(4);
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(19), BigInteger.TEN.pow(30))
                        .map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.strings().ofMaxLength(8).map(UntypedValueTest::quote),
                Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> element = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<String> array = element.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object = Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(4), element).ofMaxSize(4)
                .map(m -> "{" + String.join(",", m.entrySet().stream()
                        .map(e -> quote(e.getKey()) + ":" + e.getValue()).toList()) + "}");
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array),
                Tuple.of(1, object));
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
