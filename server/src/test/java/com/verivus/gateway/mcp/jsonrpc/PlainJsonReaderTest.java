package com.verivus.gateway.mcp.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PlainJsonReader} reads a text only when Jackson ({@link JsonLimits#STRICT}) reads it too, and then into an
 * equal tree with the same node types; whatever it declines, Jackson still reads (or refuses) as before.
 */
class PlainJsonReaderTest {

    @Test
    void whatClientsSendFirstIsReadHere() {
        for (String text : List.of(
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{\"roots\":{},\"elicitation\":{}},\"clientInfo\":{\"name\":\"claude-code\","
                        + "\"title\":\"Claude Code\",\"version\":\"2.1.197\",\"description\":\"Anthropic's agentic coding "
                        + "tool\",\"websiteUrl\":\"https://claude.com/claude-code\"}}}",
                "{\"method\":\"notifications/initialized\",\"jsonrpc\":\"2.0\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}",
                " {\"id\" : -7 ,\t\"a\":[true,false,null,\"\\u00e9\\n\\\"\\/\"], \"b\":2147483648, \"c\":-2147483648}\r\n")) {
            assertThat(PlainJsonReader.read(text)).as(text).isPresent();
            assertSameAsJackson(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1.5}", "[1e3]", "[-0.0]", "[1234567890123456789]", "{\"a\":1,\"a\":2}",
        "[\"\\ud83d\\ude00\"]", "[\"\\ud800\"]", "", "   ", "{\"a\":01}", "[-]", "{'a':1}", "[1,]", "{\"a\":1,}",
        "[1]x", "[\"a\tb\"]", "[\"\\x\"]", "[tru]", "[nul]", "\uFEFF{}", "/* c */ {}", "[NaN]", "{\"a\" 1}", "[\"ab",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"})
    void otherTextsAreLeftToJackson(String text) {
        assertThat(PlainJsonReader.read(text)).isEmpty();
        assertSameAsJackson(text);
    }

    @Test
    void integersTakeTheNodeTypeJacksonGivesThem() {
        for (String n : List.of("0", "-0", "7", "2147483647", "-2147483648", "2147483648", "-2147483649",
                "999999999999999999", "-999999999999999999", "1000000000")) {
            assertSameAsJackson("[" + n + "]");
            assertThat(PlainJsonReader.read("[" + n + "]")).as(n).isPresent();
        }
    }

    @Property(tries = 1000)
    void generatedJsonReadHereEqualsJacksonsTree(@ForAll("json") String text) {
        Optional<JsonNode> plain = PlainJsonReader.read(text);
        Statistics.label("read here").collect(plain.isPresent());
        // most generated texts hold a fraction somewhere, so are Jackson's; enough are read here to mean something
        Statistics.label("read here").coverage(c -> c.check(true).percentage(p -> p > 20));
        assertSameAsJackson(text);
    }

    @Property(tries = 1000)
    void brokenJsonIsReadHereOnlyWhenJacksonReadsItToo(@ForAll("broken") String text) {
        assertSameAsJackson(text);
    }

    /** Read here only what Jackson reads, and then the same tree, node types included (their equals is strict). */
    private static void assertSameAsJackson(String text) {
        Optional<JsonNode> plain = PlainJsonReader.read(text);
        JsonNode jackson;
        try {
            jackson = JsonLimits.STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            assertThat(plain).as("Jackson refuses %s (%s)", text, e.getOriginalMessage()).isEmpty();
            return;
        }
        if (plain.isPresent()) {
            assertThat(plain.get()).as(text).isEqualTo(jackson);
            assertThat(plain.get().toString()).isEqualTo(jackson.toString());
        }
    }

    @Provide
    Arbitrary<String> json() {
        return value(4).flatMap(v -> whitespace().map(ws -> ws + v + ws));
    }

    /** Valid texts with one character deleted, inserted or replaced, at a random place. */
    @Provide
    Arbitrary<String> broken() {
        Arbitrary<Character> noise = Arbitraries.of('{', '}', '[', ']', ',', ':', '"', '\\', '-', '0', '.', 'e', 'x',
                ' ', '\t', '\u0001', '\u00e9');
        return Arbitraries.oneOf(value(3), value(2)).flatMap(text -> Arbitraries.integers().between(0, text.length())
                .flatMap(at -> noise.flatMap(c -> Arbitraries.of(
                        text.substring(0, at) + c + text.substring(at),
                        at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text + c,
                        at < text.length() ? text.substring(0, at) + c + text.substring(at + 1) : c + text))));
    }

    private static Arbitrary<String> whitespace() {
        return Arbitraries.strings().withChars(' ', '\t', '\n', '\r').ofMaxLength(2);
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(17), BigInteger.TEN.pow(20)).map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.strings().ofMaxLength(8).map(PlainJsonReaderTest::quote),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').withChars('\ud83d', '\ude00', '\u2028')
                        .ofMaxLength(6).map(PlainJsonReaderTest::escapeEverything),
                Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> element = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<String> array = element.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
        // keys from a small alphabet, so that some objects repeat a key
        Arbitrary<String> object = Arbitraries.entries(Arbitraries.strings().alpha().ofMaxLength(2), element)
                .list().ofMaxSize(4)
                .map(entries -> "{" + String.join(",", entries.stream()
                        .map(e -> quote(e.getKey()) + ":" + e.getValue()).toList()) + "}");
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(1, array), Tuple.of(2, object));
    }

    private static String quote(String s) {
        try {
            return JsonLimits.STRICT.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A string literal with every character as a backslash escape (short forms where JSON has them). */
    private static String escapeEverything(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '"' -> out.append("\\\"");
                case '/' -> out.append("\\/");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
