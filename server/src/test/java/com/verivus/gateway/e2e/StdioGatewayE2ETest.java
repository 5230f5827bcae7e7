package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gateway process over stdio, driven by the MCP SDK's own client: configuration and lifecycle. The
 * MCP scenarios every transport shares are in {@link AbstractMcpScenarioSuite}.
 */
class StdioGatewayE2ETest {

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final List<String> ASYNC_TOOLS = List.of("claude_request_async", "codex_request_async",
            "gemini_request_async", "grok_request_async", "mistral_request_async", "llm_job_status",
            "llm_job_result", "llm_job_cancel");

    @TempDir
    Path home;
    @TempDir
    Path work;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> persistence(Map<String, Object> health) {
        return (Map<String, Object>) health.get("persistence");
    }

    /**
     * The expected persistence.sources block (configFile may be null); a configFile means it came from
     * LLM_GATEWAY_CONFIG in these tests, none means the default location was used.
     */
    private static Map<String, Object> sources(String configFile, String... envOverrides) {
        Map<String, Object> m = new HashMap<>();
        m.put("configFile", configFile);
        m.put("envOverrides", List.of(envOverrides));
        m.put("selectedBy", configFile == null ? "default" : "LLM_GATEWAY_CONFIG");
        m.put("unapprovedProjectConfig", null);
        return m;
    }

    @Test
    void aProjectConfigNamedByLlmGatewayConfigMovesTheStoreAndTheDataDirectory() throws IOException {
        Path gatewayDir = work.resolve("repo/.gateway");
        Files.createDirectories(gatewayDir);
        Path config = gatewayDir.resolve("config.toml");
        Path db = gatewayDir.resolve("logs.db");
        Files.writeString(config, """
                [server]
                ignored = true

                [persistence]
                backend = "sqlite"
                path = "%s"
                retentionDays = 14
                """.formatted(db));
        try (GatewayClient gw = GatewayProcess.builder(home).env("LLM_GATEWAY_CONFIG", config.toString()).connect()) {
            Map<String, Object> p = persistence(gw.callJson("llm_process_health", Map.of()));
            assertThat(p).containsEntry("path", db.toString()).containsEntry("dbPath", db.toString())
                    .containsEntry("dataDir", gatewayDir.toString()).containsEntry("retentionDays", 14);
            assertThat(p.get("sources")).isEqualTo(sources(config.toString()));
        }
    }

    @Test
    void legacyEnvironmentOverridesAreListedAndWarnedAboutOnStderr() throws IOException {
        Path db = work.resolve("legacy/jobs.db");
        try (GatewayClient gw = GatewayProcess.builder(home).env("LLM_GATEWAY_JOBS_DB", db.toString())
                .env("LLM_GATEWAY_JOB_RETENTION_DAYS", "3").connect()) {
            Map<String, Object> p = persistence(gw.callJson("llm_process_health", Map.of()));
            assertThat(p).containsEntry("backend", "sqlite").containsEntry("path", db.toString())
                    .containsEntry("retentionDays", 3)
                    .containsEntry("dataDir", db.getParent().toString());
            assertThat(p.get("sources"))
                    .isEqualTo(sources(null, "LLM_GATEWAY_JOBS_DB", "LLM_GATEWAY_JOB_RETENTION_DAYS"));
            String stderr = gw.awaitStderr("LLM_GATEWAY_JOB_RETENTION_DAYS is deprecated", STARTUP);
            assertThat(stderr).contains("[WARN] ").contains(
                    "LLM_GATEWAY_JOBS_DB is deprecated; migrate to [persistence] in ~/.llm-cli-gateway/config.toml");
        }
    }

    @Test
    void backendNoneRegistersNoAsyncToolAndHealthCarriesTheWarning() throws IOException {
        Path config = work.resolve("none.toml");
        Files.writeString(config, "[persistence]\nbackend = \"none\"\n");
        try (GatewayClient gw = GatewayProcess.builder(home).env("LLM_GATEWAY_CONFIG", config.toString()).connect()) {
            assertThat(gw.toolNames()).contains("llm_process_health").doesNotContainAnyElementsOf(ASYNC_TOOLS);
            Map<String, Object> p = persistence(gw.callJson("llm_process_health", Map.of()));
            assertThat(p).containsEntry("backend", "none").containsEntry("asyncJobsEnabled", false)
                    .containsEntry("path", null).containsEntry("warning", "Async job persistence is disabled "
                            + "(backend = 'none'). *_request_async tools are NOT registered on this gateway. Set "
                            + "[persistence].backend = 'sqlite' (or 'memory' + acknowledgeEphemeral = true) to "
                            + "enable them.");
            assertThat(gw.awaitStderr("Async job persistence is DISABLED (backend = 'none')", STARTUP))
                    .contains("*_request_async tools will NOT be registered on this gateway.");
        }
    }

    @Test
    void memoryWithoutAcknowledgementRefusesToStartWithTheDocumentedMessage() throws IOException {
        Path config = work.resolve("memory.toml");
        Files.writeString(config, "[persistence]\nbackend = \"memory\"\n");
        try (GatewayProcess gw = GatewayProcess.builder(home).env("LLM_GATEWAY_CONFIG", config.toString()).start()) {
            assertThat(gw.awaitExit(STARTUP)).isEqualTo(1);
            assertThat(gw.stderr()).contains("Fatal server error: [persistence].backend = 'memory' is ephemeral — "
                    + "async job results are lost on gateway exit. Set [persistence].acknowledgeEphemeral = true (or "
                    + "LLM_GATEWAY_ACKNOWLEDGE_EPHEMERAL=1) to confirm this is intentional.");
            assertThat(gw.stdoutLines()).isEmpty();
        }
    }

    @Test
    void anUnknownPersistenceKeyRefusesToStartNamingTheKey() throws IOException {
        Path config = work.resolve("typo.toml");
        Files.writeString(config, "[persistence]\nbackend = \"sqlite\"\nretentionDayz = 3\n");
        try (GatewayProcess gw = GatewayProcess.builder(home).env("LLM_GATEWAY_CONFIG", config.toString()).start()) {
            assertThat(gw.awaitExit(STARTUP)).isEqualTo(1);
            assertThat(gw.stderr()).contains("Fatal server error: Invalid [persistence] config: ")
                    .contains("'retentionDayz'");
        }
    }

    @Test
    void contractsJsonPrintsTheContractReportAndWritesNothing() {
        try (GatewayProcess gw = GatewayProcess.builder(home).args("contracts", "--json").start()) {
            assertThat(gw.awaitExit(STARTUP)).isZero();
            assertThat(gw.stdoutLines().stream().map(GatewayProcess.Line::text).collect(java.util.stream.Collectors.joining("\n"))).contains("\"schemaVersion\": \"upstream-cli-contracts.v1\"")
                    .contains("\"codex\"").contains("\"vibe\"");
        }
        assertThat(home.resolve(".llm-cli-gateway")).doesNotExist();
    }

    @Test
    void doctorJsonPrintsTheReportAndWritesNothing() {
        try (GatewayProcess gw = GatewayProcess.builder(home).args("doctor", "--json").start()) {
            assertThat(gw.awaitExit(java.time.Duration.ofSeconds(60))).isZero();
            assertThat(gw.stdoutLines().stream().map(GatewayProcess.Line::text)
                    .collect(java.util.stream.Collectors.joining("\n")))
                    .contains("\"schema_version\"").contains("\"next_actions\"");
        }
        assertThat(home.resolve(".llm-cli-gateway")).doesNotExist();
    }

    @Test
    void sigtermWithStdinStillOpenStopsCleanlyWithExit0() throws Exception {
        try (GatewayProcess gw = GatewayProcess.builder(home).start()) {
            gw.awaitStderr("MCP server running on stdio", STARTUP);
            // kill(1), not Process.destroy(): destroy() also closes our end of the child's stdin, and
            // the gateway would then stop through the (also clean) end-of-input path instead
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(gw.process().pid())).start()
                    .waitFor()).isZero();
            assertThat(gw.awaitExit(java.time.Duration.ofSeconds(15))).isZero();
            gw.awaitStderr("termination signal: stopping", java.time.Duration.ofSeconds(5));
        }
    }
}
