package com.verivus.gateway.mcp.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** skills:// and metrics://process-health as a real MCP client sees them over stdio. */
class ResourcesOverMcpTest {

    @TempDir
    static Path home;

    private static GatewayClient gateway;
    private static McpSyncClient client;

    @BeforeAll
    static void startServer() {
        gateway = GatewayProcess.builder(home).testMain(ResourceServerMain.class).connect();
        client = gateway.mcp();
    }

    @AfterAll
    static void stopServer() {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static String read(String uri) {
        McpSchema.ReadResourceResult result = client.readResource(new ReadResourceRequest(uri));
        assertThat(result.contents()).hasSize(1);
        return ((TextResourceContents) result.contents().getFirst()).text();
    }

    @Test
    void listsEverySkillAsMarkdownWithItsFrontmatterDescription() {
        List<Resource> resources = client.listResources().resources();
        // the SDK keeps resources in a hash map: the listing order is not the registration order
        assertThat(resources).extracting(Resource::uri).containsExactlyInAnyOrder("skills://async-job-orchestration",
                "skills://session-workflow", "skills://multi-llm-review", "skills://secure-orchestration",
                "skills://gateway-observability", "metrics://process-health");
        Resource review = resources.stream().filter(r -> r.uri().equals("skills://multi-llm-review")).findFirst()
                .orElseThrow();
        assertThat(review.name()).isEqualTo("skill-multi-llm-review");
        assertThat(review.mimeType()).isEqualTo("text/markdown");
        assertThat(review.description()).startsWith("Check answers, designs and code with several models");
    }

    @Test
    void readsASkillDocumentWhole() throws Exception {
        McpSchema.ReadResourceResult result = client.readResource(new ReadResourceRequest("skills://secure-orchestration"));
        TextResourceContents contents = (TextResourceContents) result.contents().getFirst();
        assertThat(contents.mimeType()).isEqualTo("text/markdown");
        assertThat(contents.uri()).isEqualTo("skills://secure-orchestration");
        assertThat(contents.text()).isEqualTo(Files.readString(
                Path.of("src/main/resources/llm-cli-gateway/skills/secure-orchestration/SKILL.md")));
    }

    @Test
    void processHealthIsSampledOnEveryRead() throws Exception {
        Resource health = client.listResources().resources().stream()
                .filter(r -> r.uri().equals("metrics://process-health")).findFirst().orElseThrow();
        assertThat(health.name()).isEqualTo("process-health");
        assertThat(health.title()).isEqualTo("Process Health");
        assertThat(health.mimeType()).isEqualTo("application/json");
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> first = json.readValue(read("metrics://process-health"), new TypeReference<>() { });
        Map<String, Object> second = json.readValue(read("metrics://process-health"), new TypeReference<>() { });
        assertThat(first.keySet()).containsExactly("runningJobs", "deadJobs", "zombieJobs", "jobs");
        assertThat((Integer) second.get("runningJobs")).isGreaterThan((Integer) first.get("runningJobs"));
    }

    @Test
    void instructionsListTheSkills() {
        assertThat(client.getServerInstructions()).contains("\n- skills://session-workflow — Keep multi-turn "
                + "conversations going with each CLI");
    }
}
