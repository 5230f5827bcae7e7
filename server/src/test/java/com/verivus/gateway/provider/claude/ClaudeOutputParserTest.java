package com.verivus.gateway.provider.claude;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClaudeOutputParserTest {

    static final String INIT = "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"s-init\",\"model\":\"claude-opus\"}";
    static final String ASSISTANT = "{\"type\":\"assistant\",\"message\":{\"model\":\"claude-msg\",\"content\":"
            + "[{\"type\":\"text\",\"text\":\"Hel\"},{\"type\":\"tool_use\",\"name\":\"Read\"},{\"type\":\"text\",\"text\":\"lo\"}]}}";
    static final String RESULT = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"duration_api_ms\":900,"
            + "\"num_turns\":2,\"result\":\"Hello\",\"session_id\":\"s-result\",\"total_cost_usd\":0.25,\"usage\":"
            + "{\"input_tokens\":10,\"output_tokens\":5,\"cache_read_input_tokens\":4,\"cache_creation_input_tokens\":3}}";

    @Test
    void resultEventGivesTextCostUsageSessionModelDurationAndTurns() {
        ClaudeResult r = ClaudeOutputParser.parseStreamJson(INIT + "\n" + ASSISTANT + "\n" + RESULT + "\n");
        assertThat(r.text()).isEqualTo("Hello");
        assertThat(r.costUsd()).isEqualTo(0.25);
        assertThat(r.usage()).isEqualTo(new ClaudeResult.Usage(10, 5, 4, 3));
        assertThat(r.sessionId()).isEqualTo("s-result");
        assertThat(r.model()).isEqualTo("claude-opus");
        assertThat(r.durationApiMs()).isEqualTo(900L);
        assertThat(r.numTurns()).isEqualTo(2L);
        assertThat(r.isError()).isFalse();
    }

    @Test
    void lastResultWins() {
        String second = RESULT.replace("\"Hello\"", "\"Second\"");
        assertThat(ClaudeOutputParser.parseStreamJson(RESULT + "\n" + second).text()).isEqualTo("Second");
    }

    @Test
    void sessionFallsBackToInitAndModelToResult() {
        String result = "{\"type\":\"result\",\"result\":\"x\",\"model\":\"from-result\"}";
        ClaudeResult r = ClaudeOutputParser.parseStreamJson(
                "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"s-init\"}\n" + result);
        assertThat(r.sessionId()).isEqualTo("s-init");
        assertThat(r.model()).isEqualTo("from-result");
    }

    @Test
    void isErrorOnlyWhenTrue() {
        assertThat(ClaudeOutputParser.parseStreamJson("{\"type\":\"result\",\"is_error\":true}").isError()).isTrue();
        assertThat(ClaudeOutputParser.parseStreamJson("{\"type\":\"result\",\"is_error\":\"yes\"}").isError()).isFalse();
    }

    @Test
    void usageDefaultsMissingCountsToZeroAndIsNullWithoutUsage() {
        ClaudeResult r = ClaudeOutputParser.parseStreamJson("{\"type\":\"result\",\"result\":\"x\",\"usage\":{\"input_tokens\":3}}");
        assertThat(r.usage()).isEqualTo(new ClaudeResult.Usage(3, 0, 0, 0));
        assertThat(ClaudeOutputParser.parseStreamJson("{\"type\":\"result\",\"result\":\"x\"}").usage()).isNull();
        assertThat(ClaudeOutputParser.parseStreamJson("{\"type\":\"result\"}").text()).isEmpty();
    }

    @Test
    void assistantTextIsTheFallbackWithoutAResult() {
        ClaudeResult r = ClaudeOutputParser.parseStreamJson(ASSISTANT);
        assertThat(r.text()).isEqualTo("Hello");
        assertThat(r.model()).isEqualTo("claude-msg");
        assertThat(ClaudeOutputParser.parseStreamJson(INIT + "\n" + ASSISTANT).model()).isEqualTo("claude-opus");
        assertThat(r.usage()).isNull();
    }

    @Test
    void systemOnlyGivesEmptyTextWithInitFacts() {
        ClaudeResult r = ClaudeOutputParser.parseStreamJson(INIT);
        assertThat(r.text()).isEmpty();
        assertThat(r.sessionId()).isEqualTo("s-init");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{broken", "[1,2]", "\n\n", "{\"type\":\"result\",\"usage\":7}garbage",
            "null", "{\"type\":5}"})
    void garbageNeverThrowsAndGivesNoResult(String stdout) {
        ClaudeResult r = ClaudeOutputParser.parseStreamJson(stdout);
        assertThat(r.text()).isEmpty();
        assertThat(r.usage()).isNull();
    }

    @Test
    void garbageLinesBetweenEventsAreSkipped() {
        ClaudeResult r = ClaudeOutputParser.parseStreamJson("warning: x\n" + INIT + "\nnot json {\n" + RESULT + "\n}{");
        assertThat(r.text()).isEqualTo("Hello");
        assertThat(r.usage().inputTokens()).isEqualTo(10);
    }

    @Test
    void jsonOutputIsOneResultObjectOrAnArrayOfEvents() {
        assertThat(ClaudeOutputParser.parseJson(RESULT).costUsd()).isEqualTo(0.25);
        assertThat(ClaudeOutputParser.parseJson("[" + INIT + "," + RESULT + "]").model()).isEqualTo("claude-opus");
        assertThat(ClaudeOutputParser.parseJson("noise\n" + RESULT + "\n").text()).isEqualTo("Hello");
        assertThat(ClaudeOutputParser.parseJson("plain text answer").text()).isEmpty();
    }
}
