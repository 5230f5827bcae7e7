package com.verivus.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfigException;
import com.verivus.gateway.json.NodeJson;
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
            "llm_job_result", "llm_job_cancel", "llm_job_watch");

    @TempDir
    Path home;

    private final Map<String, String> vars = new HashMap<>();

    private GatewayRuntime start() {
        return GatewayRuntime.start(new GatewayEnvironment(vars, home, home));
    }

    private List<String> toolNames(GatewayRuntime runtime) {
        return runtime.catalog().tools().stream().map(GatewayTool::name).toList();
    }

    /** The persistence block of llm_process_health: what the runtime opened and whether async tools are on. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> persistence(GatewayRuntime runtime) {
        try {
            return (Map<String, Object>) NodeJson.MAPPER.readValue(runtime.processHealth().json(), Map.class)
                    .get("persistence");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void llm_process_health_is_always_registered() {
        try (GatewayRuntime runtime = start()) {
            assertThat(toolNames(runtime)).contains("llm_process_health");
        }
    }

    @Test
    void the_default_sqlite_store_registers_the_request_tools_then_the_async_block_in_the_node_order() {
        try (GatewayRuntime runtime = start()) {
            assertThat(persistence(runtime)).containsEntry("asyncToolsRegistered", true);
            assertThat(runtime.engine().hasStore()).isTrue();
            List<String> names = toolNames(runtime);
            int first = names.indexOf("claude_request");
            assertThat(names.subList(first, first + 15)).containsExactly("claude_request", "codex_request",
                    "codex_fork_session", "gemini_request", "grok_request", "mistral_request", "claude_request_async",
                    "codex_request_async", "gemini_request_async", "grok_request_async", "mistral_request_async",
                    "llm_job_status", "llm_job_result", "llm_job_cancel", "llm_job_watch");
            assertThat(names.get(first + 15)).isEqualTo("llm_process_health");
            assertThat(names.getLast()).isEqualTo("llm_request_result");
            assertThat(runtime.processHealth().json()).contains("\"asyncToolsRegistered\": true")
                    .contains("\"warning\": null");
            assertThat(runtime.instructions()).contains("poll it with llm_job_status");
        }
    }

    @Test
    void a_job_store_that_cannot_be_opened_disables_the_async_tools_with_the_real_reason() throws IOException {
        Path notADirectory = home.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        writeConfig("[persistence]\nbackend = \"sqlite\"\npath = \"" + notADirectory.resolve("logs.db") + "\"\n");
        try (GatewayRuntime runtime = start()) {
            assertThat(persistence(runtime)).containsEntry("asyncToolsRegistered", false);
            assertThat((String) persistence(runtime).get("warning")).contains("job store could not be opened")
                    .contains(notADirectory.toString());
            assertThat(toolNames(runtime)).doesNotContainAnyElementsOf(ASYNC_TOOLS)
                    .contains("claude_request", "codex_fork_session");
            assertThat(runtime.engine().hasStore()).isFalse();
            assertThat(runtime.processHealth().json()).contains("\"asyncToolsRegistered\": false")
                    .contains("job store could not be opened");
            assertThat(runtime.instructions()).contains("are not registered on this gateway");
        }
    }

    @Test
    void a_postgres_backend_whose_server_cannot_be_reached_refuses_to_start_without_leaking_the_password()
            throws IOException {
        // port 1 on loopback: nothing listens there, the connection is refused at once
        writeConfig("[persistence]\nbackend = \"postgres\"\ndsn = \"postgresql://u:s3cret@127.0.0.1:1/db\"\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(this::start)
                .isInstanceOf(com.verivus.gateway.config.PersistenceConfigException.class)
                .hasMessageContaining("Cannot connect to PostgreSQL at postgresql://u:***@127.0.0.1:1/db")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void backend_none_disables_async_tools_with_the_documented_warning() throws IOException {
        writeConfig("[persistence]\nbackend = \"none\"\n");
        try (GatewayRuntime runtime = start()) {
            assertThat(persistence(runtime)).containsEntry("asyncToolsRegistered", false);
            assertThat((String) persistence(runtime).get("warning"))
                    .startsWith("Async job persistence is disabled (backend = 'none')");
            assertThat(toolNames(runtime)).doesNotContainAnyElementsOf(ASYNC_TOOLS);
        }
    }

    @Test
    void the_sync_deadline_reaches_the_instructions() {
        vars.put("SYNC_DEADLINE_MS", "1234");
        try (GatewayRuntime runtime = start()) {
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
            assertThat(persistence(runtime)).containsEntry("path", home.resolve("project/jobs.db").toString())
                    .extractingByKey("sources").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("configFile", file.toString());
        }
    }

    private void writeConfig(String toml) throws IOException {
        Path file = home.resolve(".llm-cli-gateway/config.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, toml);
    }
}
