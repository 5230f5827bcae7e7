package com.verivus.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliErrorResultTest {

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return new java.util.AbstractMap.SimpleEntry<>(key, value);
    }

    @ParameterizedTest(name = "exit {0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "124|timeout|Error executing codex CLI: Command timed out\\nboom",
            "125|idle_timeout|Error executing codex CLI: Process killed due to inactivity\\nboom",
            "127|cli_error|Error executing codex CLI (exit code 127):\\nboom",
            "2|cli_error|Error executing codex CLI (exit code 2):\\nboom"})
    void exitCodesMapToTheirTextAndCategory(int code, String category, String expected) {
        CallToolResult r = CliErrorResult.exit("codex", code, "boom", "corr-1");
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).isEqualTo(expected.replace("\\n", "\n"));
        assertThat(structured(r)).containsExactly(entry("correlationId", "corr-1"), entry("cli", "codex"),
                entry("exitCode", code), entry("errorCategory", category));
    }

    @Test
    void exceptionsBecomeSpawnErrorsWithExitCodeOneAndNoCorrelationId() {
        CallToolResult r = CliErrorResult.exception("session_create", new IOException("disk full"));
        assertThat(text(r)).isEqualTo("Error executing session_create CLI:\ndisk full");
        assertThat(structured(r)).containsExactly(entry("correlationId", null), entry("cli", "session_create"),
                entry("exitCode", 1), entry("errorCategory", "spawn_error"));
        assertThat(r.isError()).isTrue();
    }

    @Test
    void enoentGetsTheInstallHint() {
        CallToolResult r = CliErrorResult.build("gemini", 1, "", null, new IOException("spawn gemini ENOENT"));
        assertThat(text(r)).isEqualTo("Error executing gemini CLI:\nspawn gemini ENOENT\n\nThe 'gemini' command was "
                + "not found. Please ensure gemini CLI is installed and in your PATH.");
    }

    @Test
    void timeoutCategoryWinsOverAThrownErrorButTheTextUsesTheError() {
        CallToolResult r = CliErrorResult.build("claude", 124, "late", "c", new IllegalStateException("stopped"));
        assertThat(text(r)).isEqualTo("Error executing claude CLI:\nstopped");
        assertThat(structured(r)).containsEntry("errorCategory", "timeout");
    }

    @Test
    void exceptionWithoutMessageIsNamedByItsType() {
        CallToolResult r = CliErrorResult.exception("session_get", new NullPointerException());
        assertThat(text(r)).startsWith("Error executing session_get CLI:\njava.lang.NullPointerException");
    }

    @Test
    void emptyCorrelationIdIsNull() {
        assertThat(structured(CliErrorResult.exit("grok", 3, "", ""))).containsEntry("correlationId", null);
    }
}
