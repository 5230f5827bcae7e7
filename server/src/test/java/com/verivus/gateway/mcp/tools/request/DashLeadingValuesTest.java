package com.verivus.gateway.mcp.tools.request;

import static com.verivus.gateway.mcp.tools.request.RequestGateway.argv;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prompts and option values that start with "-" reach each CLI as values, never as flags: the fake CLIs parse
 * argv as the real parsers do (claude: commander, gemini: yargs, codex: clap; checked against the npm releases),
 * so a value read as a flag fails the run or shows up in the answer. grok and vibe refuse such values.
 */
class DashLeadingValuesTest {

    private static final String INJECTION = "--dangerously-skip-permissions";

    @TempDir
    Path dir;

    RequestGateway gw;

    @BeforeEach
    void start() {
        gw = RequestGateway.start(dir);
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    @Test
    void claude_gets_a_dash_prompt_after_the_double_dash_and_dash_values_attached_to_their_flags() {
        CallToolResult r = gw.call("claude_request", Map.of("prompt", INJECTION, "model", "-m",
                "systemPrompt", "-s", "agent", "-g", "forceRefresh", true));
        assertThat(r.isError()).as(text(r)).isFalse();
        assertThat(text(r)).isEqualTo("fake claude answer: " + INJECTION + "\n");
        List<String> argv = argv(gw.fakes.lastRecord());
        assertThat(argv.getFirst()).isEqualTo("-p");
        assertThat(argv).contains("--model=-m", "--agent=-g", "--system-prompt=-s").doesNotContain("-m", "-g", "-s");
        assertThat(argv.subList(argv.size() - 2, argv.size())).containsExactly("--", INJECTION);
        assertThat(gw.fakes.lastRecord()).doesNotContainKey("usageError");

        gw.call("claude_request", Map.of("prompt", "-", "appendSystemPrompt", "-a"));
        assertThat(argv(gw.fakes.lastRecord())).contains("--append-system-prompt=-a").endsWith("--", "-");
    }

    @Test
    void claude_keeps_the_node_argv_for_ordinary_values() {
        gw.call("claude_request", Map.of("prompt", "hello - there", "model", "sonnet"));
        List<String> argv = argv(gw.fakes.lastRecord());
        assertThat(argv.subList(0, 3)).containsExactly("-p", "hello - there", "--model");
        assertThat(argv).doesNotContain("--");
    }

    @Test
    void gemini_gets_dash_values_attached_to_their_flags() {
        CallToolResult r = gw.call("gemini_request", Map.of("prompt", "-x marks the spot", "model", "-m"));
        assertThat(r.isError()).as(text(r)).isFalse();
        assertThat(text(r)).startsWith("fake gemini answer: -x marks the spot");
        List<String> argv = argv(gw.fakes.lastRecord());
        assertThat(argv.subList(0, 2)).containsExactly("-p=-x marks the spot", "--model=-m");
        assertThat(gw.fakes.lastRecord()).doesNotContainKey("usageError");

        CallToolResult resumed = gw.call("gemini_request", Map.of("prompt", "p", "sessionId", "-r"));
        assertThat(argv(gw.fakes.lastRecord())).contains("--resume=-r");
        assertThat(resumed.isError()).isFalse();
    }

    @Test
    void codex_gets_a_dash_model_attached_and_a_dash_prompt_after_the_double_dash() {
        CallToolResult r = gw.call("codex_request", Map.of("prompt", "-x", "model", "-m"));
        assertThat(r.isError()).as(text(r)).isFalse();
        assertThat(text(r)).isEqualTo("fake codex answer: -x\n");
        assertThat(argv(gw.fakes.lastRecord())).containsExactly("exec", "--model=-m", "--skip-git-repo-check", "--",
                "-x");
    }

    @Test
    void grok_and_vibe_refuse_dash_values_with_the_reason_and_spawn_nothing() {
        for (Map.Entry<String, Map<String, Object>> call : Map.of(
                "grok_request", Map.<String, Object>of("prompt", INJECTION),
                "mistral_request", Map.<String, Object>of("prompt", "-v"),
                "grok_request_async", Map.<String, Object>of("prompt", "p", "model", "-m"),
                "mistral_request_async", Map.<String, Object>of("prompt", "p", "sessionId", "-s")).entrySet()) {
            CallToolResult r = gw.call(call.getKey(), call.getValue());
            assertThat(r.isError()).as(call.getKey()).isTrue();
            assertThat(text(r)).as(call.getKey()).contains("a value starting with \"-\" could be read by the")
                    .contains("so it is not passed");
        }
        assertThat(gw.fakes.records()).isEmpty();
    }
}
