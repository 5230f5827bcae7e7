package com.verivus.gateway.provider.codex;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodexJsonlParserTest {

    static final String STREAM = """
            {"type":"thread.started","thread_id":"0199a213-81c0-7800-8aa1-bbab2a035a53"}
            {"type":"turn.started"}
            {"type":"item.completed","item":{"id":"item_0","type":"reasoning","text":"thinking"}}
            {"type":"item.completed","item":{"id":"item_1","type":"agent_message","text":"first"}}
            {"type":"item.completed","item":{"id":"item_2","type":"agent_message","text":"Done."}}
            {"type":"turn.completed","usage":{"input_tokens":24763,"cached_input_tokens":24448,"output_tokens":122}}
            """;

    @Test
    void completeStreamGivesThreadUsageAndFinalMessage() {
        CodexEvents e = CodexJsonlParser.parse(STREAM);
        assertThat(e.threadId()).isEqualTo("0199a213-81c0-7800-8aa1-bbab2a035a53");
        assertThat(e.usage()).isEqualTo(new CodexEvents.Usage(24763, 122, 24448L, null, null));
        assertThat(e.finalMessage()).isEqualTo("Done.");
        assertThat(e.error()).isNull();
    }

    @Test
    void specUsageFieldNamesAndLastTurnWins() {
        CodexEvents e = CodexJsonlParser.parse("""
                {"type":"turn.completed","usage":{"input_tokens":1,"output_tokens":1}}
                {"type":"turn.completed","usage":{"input_tokens":5,"output_tokens":"x","cache_read_input_tokens":2,"cache_creation_tokens":3,"cost_usd":0.5}}
                """);
        assertThat(e.usage()).isEqualTo(new CodexEvents.Usage(5, 0, 2L, 3L, 0.5));
        assertThat(CodexJsonlParser.parse("{\"type\":\"turn.completed\",\"usage\":{\"cache_read_tokens\":9,"
                + "\"cache_creation_input_tokens\":8}}").usage()).isEqualTo(new CodexEvents.Usage(0, 0, 9L, 8L, null));
    }

    @Test
    void partialStreamHasNoUsage() {
        CodexEvents e = CodexJsonlParser.parse("{\"type\":\"thread.started\",\"thread_id\":\"t\"}\n{\"type\":\"turn.started\"}");
        assertThat(e.usage()).isNull();
        assertThat(e.threadId()).isEqualTo("t");
    }

    @Test
    void failuresAreSurfaced() {
        assertThat(CodexJsonlParser.parse("{\"type\":\"turn.failed\",\"error\":{\"message\":\"quota\"}}").error())
                .isEqualTo("quota");
        assertThat(CodexJsonlParser.parse("{\"type\":\"turn.failed\",\"error\":\"plain\"}").error()).isEqualTo("plain");
        assertThat(CodexJsonlParser.parse("{\"type\":\"turn.failed\"}").error()).isEqualTo("turn failed");
        assertThat(CodexJsonlParser.parse("{\"type\":\"error\",\"message\":\"stream lost\"}").error())
                .isEqualTo("stream lost");
    }

    @Test
    void garbagePreambleIsSkipped() {
        assertThat(CodexJsonlParser.parse("Reading prompt from stdin...\n\u001b[2mnoise\u001b[0m\n{not json\n" + STREAM)
                .finalMessage()).isEqualTo("Done.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "garbage", "[]", "{\"type\":\"turn.completed\",\"usage\":[]}", "{\"type\":null}"})
    void emptyOrBrokenInputGivesNothingAndNeverThrows(String stdout) {
        CodexEvents e = CodexJsonlParser.parse(stdout);
        assertThat(e.usage()).isNull();
        assertThat(e.threadId()).isNull();
    }

    @Test
    void threadIdComesFromJsonElseFromTheTextHeader() {
        assertThat(CodexThreadId.find(STREAM, "")).contains("0199a213-81c0-7800-8aa1-bbab2a035a53");
        String header = "OpenAI Codex v0.169.0\n--------\nworkdir: /w\nmodel: gpt-5.5\nsession id: 0199b000-aaaa-7000-8000-000000000001\n--------\n";
        assertThat(CodexThreadId.find("Done.\n", header)).contains("0199b000-aaaa-7000-8000-000000000001");
        assertThat(CodexThreadId.find("Done.\n", "no header")).isEmpty();
        assertThat(CodexThreadId.find(null, null)).isEmpty();
    }
}
