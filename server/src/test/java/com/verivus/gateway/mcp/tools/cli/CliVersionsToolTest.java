package com.verivus.gateway.mcp.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.doctor.DoctorFakes;
import com.verivus.gateway.doctor.ProviderStatusProbe;
import com.verivus.gateway.mcp.ToolCatalog;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliVersionsToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private CallToolResult call(DoctorFakes fakes, Map<String, Object> args) throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        GatewayEnvironment env = fakes.env(home, Map.of());
        return ToolCatalog.invoke(new CliVersionsTool(new ProviderStatusProbe(env, Duration.ofSeconds(2))), args, null);
    }

    private static JsonNode body(CallToolResult r) throws Exception {
        return JSON.readTree(((TextContent) r.content().getFirst()).text());
    }

    @Test
    void listsAllFiveInOrderWithVersionsAndLoginState() throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).install("claude", "codex", "vibe").mode("codex", "logged-out");
        CallToolResult r = call(fakes, Map.of());
        assertThat(r.isError()).isFalse();
        JsonNode versions = body(r).get("versions");
        assertThat(versions).extracting(v -> v.get("cli").asText())
                .containsExactly("claude", "codex", "gemini", "grok", "mistral");

        JsonNode claude = versions.get(0);
        assertThat(claude.get("command").asText()).isEqualTo("claude");
        assertThat(claude.get("args").toString()).isEqualTo("[\"--version\"]");
        assertThat(claude.get("installed").asBoolean()).isTrue();
        assertThat(claude.get("version").asText()).isEqualTo("2.1.332 (Claude Code)");
        assertThat(claude.get("stdout").asText()).isEqualTo("2.1.332 (Claude Code)");
        assertThat(claude.get("stderr").asText()).isEmpty();
        assertThat(claude.get("loginStatus").asText()).isEqualTo("authenticated");
        assertThat(claude.has("error")).isFalse();

        assertThat(versions.get(1).get("loginStatus").asText()).isEqualTo("not_authenticated");
        assertThat(versions.get(1).at("/loginGuidance/commands").toString())
                .isEqualTo("[\"codex login\",\"codex login --device-auth\"]");

        JsonNode gemini = versions.get(2);
        assertThat(gemini.get("installed").asBoolean()).isFalse();
        assertThat(gemini.has("version")).isFalse();
        assertThat(gemini.get("loginStatus").asText()).isEqualTo("not_checked");
        assertThat(gemini.get("error").asText()).isEqualTo("gemini was not found on PATH");

        JsonNode mistral = versions.get(4);
        assertThat(mistral.get("command").asText()).isEqualTo("vibe");
        assertThat(mistral.get("version").asText()).isEqualTo("vibe 1.0.0 (fake)");
    }

    @Test
    void oneCliOrAllForEmptyAndNull() throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).install("grok");
        assertThat(body(call(fakes, Map.of("cli", "grok"))).get("versions")).singleElement()
                .satisfies(v -> assertThat(v.get("cli").asText()).isEqualTo("grok"));
        assertThat(body(call(fakes, Map.of("cli", ""))).get("versions")).hasSize(5);
        Map<String, Object> nullCli = new HashMap<>();
        nullCli.put("cli", null);
        assertThat(body(call(fakes, nullCli)).get("versions")).hasSize(5);
        // only grok's probe ran for the single-CLI call (plus all five, twice, for the others)
        assertThat(fakes.calls("grok")).hasSize(6);
    }

    @Test
    void anUnknownCliIsRejectedBeforeAnythingRuns() throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).installAllClis();
        CallToolResult r = call(fakes, Map.of("cli", "copilot"));
        assertThat(r.isError()).isTrue();
        assertThat(((TextContent) r.content().getFirst()).text()).contains("cli").contains("copilot");
        assertThat(fakes.calls()).isEmpty();
    }
}
