package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client sees when a CLI is not logged in or cannot reach its service, over stdio and HTTP with the MCP
 * SDK's own clients. The fakes print exactly what the real CLIs print (fake-cli/README.md, modes
 * {@code logged-out} and {@code offline}).
 */
class LoggedOutCliE2ETest {

    private static final String CLAUDE_SAYS = "Not logged in \u00b7 Please run /login";

    @TempDir
    Path home;
    @TempDir
    Path tools;

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }

    private static void assertClaudeLoggedOut(CallToolResult r) {
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).startsWith("Error executing claude CLI (exit code 1):\n" + CLAUDE_SAYS + "\n\n"
                        + "Claude Code (claude) is not logged in.")
                .contains("claude auth login");
        assertThat(r.structuredContent()).isInstanceOfSatisfying(Map.class,
                s -> assertThat(s).containsEntry("exitCode", 1).containsEntry("errorCategory", "cli_error"));
    }

    @Test
    void aLoggedOutCliSaysSoInEveryOutputFormatOverStdio() {
        FakeClis fakes = FakeClis.install(tools);
        try (GatewayClient gw = GatewayProcess.builder(home)
                .env(fakes.env(Map.of("FAKE_CLI_MODE", "logged-out"))).connect()) {
            for (String format : new String[] {"text", "json", "stream-json"}) {
                assertClaudeLoggedOut(gw.call("claude_request", Map.of("prompt", "hi", "outputFormat", format)));
            }
            CallToolResult gemini = gw.call("gemini_request", Map.of("prompt", "hi", "outputFormat", "json"));
            assertThat(gemini.isError()).isTrue();
            assertThat(text(gemini)).startsWith("Error executing gemini CLI (exit code 41):\n{")
                    .contains("Please set an Auth method in your " + home + "/.gemini/settings.json",
                            "Gemini CLI (gemini) is not logged in.");

            // the validation surface says the same instead of "wrote nothing to stderr"
            String asked = text(gw.call("ask_model", Map.of("question", "hi", "model", "claude")));
            assertThat(asked).contains(CLAUDE_SAYS).contains("claude auth login")
                    .doesNotContain("wrote nothing to stderr");
        }
    }

    @Test
    void aLoggedOutCliSaysSoOverHttp() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        String token = "logged-out-test-token";
        try (GatewayClient gw = GatewayProcess.builder(home)
                .env(fakes.env(Map.of("FAKE_CLI_MODE", "logged-out")))
                .env("LLM_GATEWAY_AUTH_TOKEN", token).http().connectHttp(token)) {
            assertClaudeLoggedOut(gw.call("claude_request", Map.of("prompt", "hi", "outputFormat", "stream-json")));
            assertClaudeLoggedOut(gw.call("claude_request", Map.of("prompt", "hi")));
        }
    }

    @Test
    void aCliKnownToBeLoggedOutIsNotStartedAgainUnlessTheCheckIsTurnedOff() {
        FakeClis fakes = FakeClis.install(tools);
        try (GatewayClient gw = GatewayProcess.builder(home)
                .env(fakes.env(Map.of("FAKE_CLI_MODE_CLAUDE", "logged-out", "LLM_GATEWAY_LOGIN_CHECK", "on")))
                .connect()) {
            assertClaudeLoggedOut(gw.call("claude_request", Map.of("prompt", "first")));
            long runs = claudeRuns(fakes);

            // its output said "not logged in": the next request fails at once, without a spawn
            CallToolResult refused = gw.call("claude_request", Map.of("prompt", "second"));
            assertThat(refused.isError()).isTrue();
            assertThat(text(refused)).startsWith("Error executing claude CLI (exit code 1):\n"
                    + "Claude Code (claude) is not logged in.").contains("claude auth login",
                    "The gateway did not start claude", "LLM_GATEWAY_LOGIN_CHECK=off");
            assertThat(claudeRuns(fakes)).isEqualTo(runs);
        }
        try (GatewayClient gw = GatewayProcess.builder(home).env(fakes.env(Map.of("FAKE_CLI_MODE_CLAUDE", "logged-out",
                "LLM_GATEWAY_LOGIN_CHECK", "off"))).connect()) {
            long before = claudeRuns(fakes);
            assertClaudeLoggedOut(gw.call("claude_request", Map.of("prompt", "first")));
            assertClaudeLoggedOut(gw.call("claude_request", Map.of("prompt", "second")));
            assertThat(claudeRuns(fakes)).isEqualTo(before + 2);
        }
    }

    private static long claudeRuns(FakeClis fakes) {
        return fakes.records().stream().filter(r -> "claude".equals(r.get("cli"))
                && ((List<?>) r.get("argv")).contains("-p")).count();
    }

    @Test
    void codexRetryingForeverWithoutANetworkIsStoppedWithTheLineItRepeats() {
        FakeClis fakes = FakeClis.install(tools);
        try (GatewayClient gw = GatewayProcess.builder(home)
                .env(fakes.env(Map.of("FAKE_CLI_MODE_CODEX", "offline", "FAKE_CLI_RETRY_MS", "100",
                        "LLM_GATEWAY_STALL_TIMEOUT_MS", "1500")))
                .connect()) {
            for (String format : new String[] {"text", "json"}) {
                CallToolResult r = gw.call("codex_request", Map.of("prompt", "hi", "outputFormat", format));
                assertThat(r.isError()).as(format).isTrue();
                String repeated = format.equals("json")
                        ? "{\"type\":\"error\",\"message\":\"Reconnecting... waiting for network (Connection failed: "
                                + "error sending request)\"}"
                        : "ERROR: Reconnecting... waiting for network";
                assertThat(text(r)).as(format).startsWith("Error executing codex CLI: Process killed due to "
                        + "inactivity\nProcess stopped after 1500ms without progress: it printed only this line, "
                        + "again and again: \"" + repeated + "\"");
                assertThat(r.structuredContent()).isInstanceOfSatisfying(Map.class, s -> assertThat(s)
                        .containsEntry("exitCode", 125).containsEntry("errorCategory", "idle_timeout"));
            }
            // a CLI that answers is untouched by the stall timeout
            assertThat(gw.call("claude_request", Map.of("prompt", "hi")).isError()).isFalse();
        }
    }

    @Test
    void codexFoundLoggedOutByTheBackgroundCheckFailsFastFromThenOn() throws Exception {
        FakeClis fakes = FakeClis.install(tools);
        try (GatewayClient gw = GatewayProcess.builder(home)
                .env(fakes.env(Map.of("FAKE_CLI_MODE_CODEX", "offline", "FAKE_CLI_RETRY_MS", "100",
                        "LLM_GATEWAY_STALL_TIMEOUT_MS", "1500", "LLM_GATEWAY_LOGIN_CHECK", "on")))
                .connect()) {
            // the first request runs (nothing known yet) and starts `codex login status` in the background
            assertThat(gw.call("codex_request", Map.of("prompt", "one")).isError()).isTrue();
            assertThat(fakes.records()).anySatisfy(r -> assertThat(r.get("argv")).isEqualTo(List.of(
                    "login", "status")));
            CallToolResult second = gw.call("codex_request", Map.of("prompt", "two"));
            assertThat(second.isError()).isTrue();
            assertThat(text(second)).startsWith("Error executing codex CLI (exit code 1):\nCodex CLI (codex) is not "
                    + "logged in.").contains("codex login", "codex login status said so");
            assertThat(fakes.records()).filteredOn(r -> ((List<?>) r.get("argv")).contains("two")).isEmpty();
        }
    }
}
