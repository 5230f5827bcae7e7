package com.verivus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfigException;
import com.verivus.gateway.mcp.GatewayTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayRuntimeTest {

    private static final List<String> ASYNC_TOOLS = List.of("claude_request_async", "codex_request_async",
            "gemini_request_async", "grok_request_async", "mistral_request_async", "llm_job_status",
            "llm_job_result", "llm_job_cancel");

    @TempDir
    Path home;

    private final Map<String, String> vars = new HashMap<>();

    private GatewayRuntime start() {
        return GatewayRuntime.start(new GatewayEnvironment(vars, home, home));
    }

    private List<String> toolNames(GatewayRuntime runtime) {
        return runtime.catalog().tools().stream().map(GatewayTool::name).toList();
    }

    @Test
    void llm_process_health_is_always_registered() {
        try (GatewayRuntime runtime = start()) {
            assertThat(toolNames(runtime)).contains("llm_process_health");
        }
    }

    @Test
    void without_an_open_job_store_no_async_tool_is_registered_and_health_says_why() {
        try (GatewayRuntime runtime = start()) {
            assertThat(runtime.asyncJobs().enabled()).isFalse();
            assertThat(toolNames(runtime)).doesNotContainAnyElementsOf(ASYNC_TOOLS);
            assertThat(runtime.processHealth().json()).contains("\"asyncToolsRegistered\": false")
                    .contains("job store could not be opened");
            assertThat(runtime.instructions()).contains("are not registered on this gateway")
                    .doesNotContain("llm_job_status and fetch");
        }
    }

    @Test
    void backend_none_disables_async_tools_with_the_documented_warning() throws IOException {
        writeConfig("[persistence]\nbackend = \"none\"\n");
        try (GatewayRuntime runtime = start()) {
            assertThat(runtime.asyncJobs().enabled()).isFalse();
            assertThat(runtime.asyncJobs().reason()).startsWith("Async job persistence is disabled (backend = 'none')");
            assertThat(toolNames(runtime)).doesNotContainAnyElementsOf(ASYNC_TOOLS);
        }
    }

    @Test
    void the_sync_deadline_reaches_the_instructions() {
        vars.put("SYNC_DEADLINE_MS", "1234");
        try (GatewayRuntime runtime = start()) {
            assertThat(runtime.syncDeadlineMs()).isEqualTo(1234);
            assertThat(runtime.instructions()).contains("Sync auto-defers at 1234 ms");
        }
        vars.put("SYNC_DEADLINE_MS", "0");
        try (GatewayRuntime runtime = start()) {
            assertThat(runtime.instructions()).contains("SYNC_DEADLINE_MS=0");
        }
    }

    @Test
    void an_invalid_persistence_config_stops_the_runtime_from_starting() throws IOException {
        writeConfig("[persistence]\nbackend = \"memory\"\n");
        assertThatThrownBy(this::start).isInstanceOf(PersistenceConfigException.class)
                .hasMessageStartingWith("[persistence].backend = 'memory' is ephemeral");
    }

    @Test
    void the_persistence_config_comes_from_llm_gateway_config() throws IOException {
        Path file = home.resolve("project/config.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[persistence]\npath = \"" + home.resolve("project/jobs.db") + "\"\n");
        vars.put("LLM_GATEWAY_CONFIG", file.toString());
        try (GatewayRuntime runtime = start()) {
            assertThat(runtime.persistence().path()).isEqualTo(home.resolve("project/jobs.db").toString());
            assertThat(runtime.persistence().sources().configFile()).isEqualTo(file.toString());
        }
    }

    private void writeConfig(String toml) throws IOException {
        Path file = home.resolve(".llm-cli-gateway/config.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml);
    }
}
