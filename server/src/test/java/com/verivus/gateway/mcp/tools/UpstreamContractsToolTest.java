package com.verivus.gateway.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.mcp.ProgressReporter;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.testing.FakeClis;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamContractsToolTest {

    @TempDir
    Path tmp;

    static JsonNode text(CallToolResult r) throws Exception {
        return new ObjectMapper().readTree(((TextContent) r.content().get(0)).text());
    }

    UpstreamContractsTool tool(GatewayEnvironment env) {
        return new UpstreamContractsTool(env, Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void reportsAllContractsWithoutProbingByDefault() throws Exception {
        GatewayEnvironment env = new GatewayEnvironment(Map.of("PATH", ""), tmp, tmp);
        CallToolResult r = ToolCatalog.invoke(tool(env), Map.of(), ProgressReporter.NONE);
        assertThat(r.isError()).isFalse();
        JsonNode report = text(r);
        assertThat(report.path("schemaVersion").asText()).isEqualTo("upstream-cli-contracts.v1");
        assertThat(report.path("generatedAt").asText()).isEqualTo("2026-05-01T00:00:00Z");
        assertThat(report.path("installedProbe").isNull()).isTrue();
        assertThat(report.path("contracts").size()).isEqualTo(5);
        assertThat(tool(env).readOnly()).isTrue();
        assertThat(tool(env).inputSchema().toJsonSchema().toString()).contains("probeInstalled", "cli");
    }

    @Test
    void unknownCliIsAnArgumentError() {
        GatewayEnvironment env = new GatewayEnvironment(Map.of(), tmp, tmp);
        CallToolResult r = ToolCatalog.invoke(tool(env), Map.of("cli", "cursor"), ProgressReporter.NONE);
        assertThat(r.isError()).isTrue();
    }

    @Test
    void probeRunsTheInstalledCliAndListsFlagsItsHelpLacks() throws Exception {
        FakeClis fakes = FakeClis.install(tmp.resolve("fakes"));
        Map<String, String> vars = new HashMap<>(fakes.env(Map.of()));
        GatewayEnvironment env = new GatewayEnvironment(vars, tmp, tmp);
        JsonNode report = text(ToolCatalog.invoke(tool(env), Map.of("cli", "claude", "probeInstalled", true),
                ProgressReporter.NONE));
        assertThat(report.path("contracts").size()).isEqualTo(1);
        JsonNode probe = report.path("installedProbe").path("claude");
        assertThat(probe.path("available").asBoolean()).isTrue();
        assertThat(probe.path("version").asText()).isEqualTo("2.1.332 (Claude Code)");
        assertThat(probe.path("checkedHelpCommands").get(0).asText()).isEqualTo("claude --help");
        assertThat(probe.path("missingFlags").size()).isZero();
    }

    @Test
    void probeReportsAMissingExecutableAndFlagsMissingFromHelp() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path gemini = bin.resolve("gemini");
        Files.writeString(gemini, "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 9.9.9; else echo 'Usage: gemini -p --model -o'; fi\n");
        assertThat(gemini.toFile().setExecutable(true)).isTrue();
        GatewayEnvironment env = new GatewayEnvironment(Map.of("PATH", bin.toString()), tmp, tmp);
        JsonNode probe = text(ToolCatalog.invoke(tool(env), Map.of("probeInstalled", true), ProgressReporter.NONE))
                .path("installedProbe");
        assertThat(probe.path("codex").path("available").asBoolean()).isFalse();
        assertThat(probe.path("codex").path("warnings").get(0).asText()).contains("not found on PATH");
        assertThat(probe.path("gemini").path("version").asText()).isEqualTo("9.9.9");
        assertThat(probe.path("gemini").path("missingFlags").toString()).contains("--approval-mode", "--resume")
                .doesNotContain("\"-p\"", "\"--model\"", "\"-o\"");
    }

    @Test
    void theVersionIsReadLikeCliVersionsDoesNotFromAWarningOnStderr() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path codex = bin.resolve("codex");
        // codex 0.171.0 with HOME under /tmp: the warning reaches stderr before the version reaches stdout
        Files.writeString(codex, "#!/bin/sh\necho 'WARNING: proceeding, even though we could not create PATH "
                + "aliases' >&2\nif [ \"$1\" = --version ]; then sleep 0.2; echo 'codex-cli 0.171.0'; "
                + "else echo 'Usage: codex exec --json'; fi\n");
        assertThat(codex.toFile().setExecutable(true)).isTrue();
        GatewayEnvironment env = new GatewayEnvironment(Map.of("PATH", bin + ":/usr/bin:/bin"), tmp, tmp);
        JsonNode probe = text(ToolCatalog.invoke(tool(env), Map.of("probeInstalled", true), ProgressReporter.NONE))
                .path("installedProbe");
        assertThat(probe.path("codex").path("version").asText()).isEqualTo("codex-cli 0.171.0");
    }
}
