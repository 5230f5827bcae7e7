package com.verivus.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageExtractorTest {

    static final String CLAUDE_RESULT = "{\"type\":\"result\",\"result\":\"x\",\"total_cost_usd\":0.5,\"usage\":"
            + "{\"input_tokens\":10,\"output_tokens\":5,\"cache_read_input_tokens\":0,\"cache_creation_input_tokens\":2}}";

    @Test
    void claudeStreamJsonTokensAndCostReachTheResult() {
        Usage u = UsageExtractor.extract(CliName.CLAUDE, "{\"type\":\"system\",\"subtype\":\"init\"}\n" + CLAUDE_RESULT,
                "stream-json");
        assertThat(u).isEqualTo(new Usage(10L, 5L, null, 2L, 0.5));
        assertThat(u.toStructuredContent()).isEqualTo(Map.of("inputTokens", 10L, "outputTokens", 5L,
                "cacheCreationTokens", 2L, "costUsd", 0.5));
    }

    @Test
    void claudeJsonIsParsedToo() {
        assertThat(UsageExtractor.extract(CliName.CLAUDE, CLAUDE_RESULT, "json").inputTokens()).isEqualTo(10L);
    }

    @Test
    void codexJsonUsage() {
        Usage u = UsageExtractor.extract(CliName.CODEX, "{\"type\":\"turn.completed\",\"usage\":{\"input_tokens\":3,"
                + "\"cached_input_tokens\":1,\"output_tokens\":2}}", "json");
        assertThat(u).isEqualTo(new Usage(3L, 2L, 1L, null, null));
    }

    @Test
    void geminiJsonUsageWithoutCost() {
        Usage u = UsageExtractor.extract(CliName.GEMINI, "{\"response\":\"r\",\"promptTokenCount\":4,"
                + "\"candidatesTokenCount\":6}", "json");
        assertThat(u).isEqualTo(new Usage(4L, 6L, null, null, null));
    }

    @ParameterizedTest
    @CsvSource({"CLAUDE,text", "CODEX,text", "GEMINI,text", "GROK,json", "MISTRAL,json", "GROK,plain", "CLAUDE,yaml"})
    void otherCombinationsCarryNothing(CliName cli, String format) {
        assertThat(UsageExtractor.extract(cli, CLAUDE_RESULT, format).isEmpty()).isTrue();
    }

    @Test
    void garbageOrNullNeverThrows() {
        assertThat(UsageExtractor.extract(CliName.CODEX, "}{", "json")).isEqualTo(Usage.NONE);
        assertThat(UsageExtractor.extract(CliName.CLAUDE, null, "stream-json")).isEqualTo(Usage.NONE);
        assertThat(UsageExtractor.extract(null, "x", "json")).isEqualTo(Usage.NONE);
        assertThat(Usage.NONE.toStructuredContent()).isEmpty();
    }
}
