package com.verivus.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeminiJsonParserTest {

    @Test
    void todaysStatsModelsTokensAreSummed() {
        GeminiResult r = GeminiJsonParser.parse("""
                {
                  "session_id": "s1",
                  "response": "Hi",
                  "stats": {"models": {
                    "gemini-2.5-pro": {"tokens": {"input": 5, "prompt": 8, "candidates": 4, "total": 12, "cached": 3}},
                    "gemini-2.5-flash": {"tokens": {"prompt": 2, "candidates": 1, "cached": 0}}
                  }}
                }
                """);
        assertThat(r.response()).isEqualTo("Hi");
        assertThat(r.sessionId()).isEqualTo("s1");
        assertThat(r.usage()).isEqualTo(new GeminiResult.Usage(10, 5, 3L));
    }

    @Test
    void specTokenCountFieldsAreRead() {
        assertThat(GeminiJsonParser.parse("{\"response\":\"x\",\"promptTokenCount\":7,\"candidatesTokenCount\":2,"
                + "\"cachedContentTokenCount\":1}").usage()).isEqualTo(new GeminiResult.Usage(7, 2, 1L));
        assertThat(GeminiJsonParser.parse("{\"response\":\"x\",\"stats\":{\"candidatesTokenCount\":2}}").usage())
                .isEqualTo(new GeminiResult.Usage(0, 2, null));
        assertThat(GeminiJsonParser.parse("{\"response\":\"x\",\"usageMetadata\":{\"promptTokenCount\":4}}").usage())
                .isEqualTo(new GeminiResult.Usage(4, 0, null));
    }

    @Test
    void noCountsNoUsage() {
        GeminiResult r = GeminiJsonParser.parse("{\"response\":\"x\",\"stats\":{\"models\":{}}}");
        assertThat(r.response()).isEqualTo("x");
        assertThat(r.usage()).isNull();
        assertThat(GeminiJsonParser.parse("{\"response\":\"x\",\"promptTokenCount\":\"7\"}").usage()).isNull();
    }

    @Test
    void noiseBeforeTheObjectIsSkipped() {
        assertThat(GeminiJsonParser.parse("Loaded cached credentials.\n{\"response\":\"ok\"}\n").response()).isEqualTo("ok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain text", "[1,2]", "{broken", "\"str\"", "42"})
    void nonObjectsGiveNull(String stdout) {
        assertThat(GeminiJsonParser.parse(stdout)).isNull();
    }
}
