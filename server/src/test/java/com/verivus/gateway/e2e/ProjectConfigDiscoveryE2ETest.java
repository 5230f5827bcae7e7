package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gateway started inside a repository, as MCP clients start it, with no LLM_GATEWAY_CONFIG:
 * it uses the repository's .gateway/config.toml only once the user approved the repository, and says
 * what it did in llm_process_health and on stderr.
 */
class ProjectConfigDiscoveryE2ETest {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @TempDir
    Path home;
    @TempDir
    Path work;

    Path repo;

    @BeforeEach
    void repository() throws IOException {
        repo = Files.createDirectories(work.resolve("repo")).toRealPath();
        Files.createDirectories(repo.resolve(".gateway"));
        Files.writeString(repo.resolve(".gateway/config.toml"),
                "[persistence]\nbackend = \"sqlite\"\npath = \"" + repo.resolve(".gateway/logs.db") + "\"\n");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sources(Map<String, Object> health) {
        return (Map<String, Object>) ((Map<String, Object>) health.get("persistence")).get("sources");
    }

    @Test
    void anUnapprovedRepositoryConfigIsIgnoredAndReportedThenUsedOnceApproved() throws IOException {
        try (GatewayClient gw = GatewayProcess.builder(home).workingDirectory(repo).connect()) {
            Map<String, Object> health = gw.callJson("llm_process_health", Map.of());
            assertThat(sources(health)).containsEntry("selectedBy", "default").containsEntry("configFile", null)
                    .containsEntry("unapprovedProjectConfig", repo.resolve(".gateway/config.toml").toString());
            assertThat(gw.awaitStderr("is not approved", STARTUP)).contains("isolate@verivus --repo " + repo);
        }
        assertThat(repo.resolve(".gateway/logs.db")).doesNotExist();

        Files.createDirectories(home.resolve(".llm-cli-gateway"));
        Files.writeString(home.resolve(".llm-cli-gateway/approved-projects"), repo + "\n");
        try (GatewayClient gw = GatewayProcess.builder(home).workingDirectory(repo.resolve(".gateway")).connect()) {
            Map<String, Object> health = gw.callJson("llm_process_health", Map.of());
            assertThat(sources(health)).containsEntry("selectedBy", "approved project")
                    .containsEntry("configFile", repo.resolve(".gateway/config.toml").toString())
                    .containsEntry("unapprovedProjectConfig", null);
            assertThat(gw.awaitStderr("Using the approved project configuration", STARTUP))
                    .contains(repo.resolve(".gateway/config.toml").toString());
        }
        assertThat(repo.resolve(".gateway/logs.db")).exists();
    }
}
