package com.verivus.gateway.mcp.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.doctor.DoctorFakes;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cli_versions and cli_upgrade through the MCP Java SDK's own client, over stdio, in a separate JVM. */
class CliToolsOverMcpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aRealMcpClientListsAndCallsBothTools() throws Exception {
        DoctorFakes fakes = DoctorFakes.in(tmp).install("codex", "npm").mode("npm", "fail");
        Path home = Files.createDirectories(tmp.resolve("home"));
        try (GatewayClient gateway = GatewayProcess.builder(home).testMain(CliToolsStdioServer.class)
                .env(fakes.vars()).connect()) {
            McpSyncClient client = gateway.mcp();
            Map<String, Tool> tools = new java.util.HashMap<>();
            client.listTools().tools().forEach(t -> tools.put(t.name(), t));
            assertThat(tools).containsOnlyKeys("cli_versions", "cli_upgrade");
            JsonNode upgradeSchema = JSON.valueToTree(tools.get("cli_upgrade").inputSchema());
            assertThat(upgradeSchema.get("required").toString()).isEqualTo("[\"cli\"]");
            assertThat(upgradeSchema.at("/properties/timeoutMs/minimum").asInt()).isEqualTo(30_000);
            assertThat(upgradeSchema.at("/properties/dryRun/default").asBoolean()).isTrue();
            assertThat(tools.get("cli_versions").annotations().readOnlyHint()).isTrue();

            CallToolResult versions = client.callTool(new CallToolRequest("cli_versions", Map.of("cli", "codex")));
            JsonNode v = JSON.readTree(((TextContent) versions.content().getFirst()).text());
            assertThat(v.at("/versions/0/version").asText()).isEqualTo("codex-cli 0.169.0");
            assertThat(v.at("/versions/0/loginStatus").asText()).isEqualTo("authenticated");

            CallToolResult plan = client.callTool(new CallToolRequest("cli_upgrade", Map.of("cli", "gemini")));
            assertThat(plan.isError()).isFalse();
            assertThat(JSON.readTree(((TextContent) plan.content().getFirst()).text()).at("/plan/args/2").asText())
                    .isEqualTo("@google/gemini-cli@latest");

            CallToolResult failed = client.callTool(new CallToolRequest("cli_upgrade",
                    Map.of("cli", "gemini", "dryRun", false, "timeoutMs", 30_000)));
            assertThat(failed.isError()).isTrue();
            JsonNode f = JSON.readTree(((TextContent) failed.content().getFirst()).text());
            assertThat(f.get("success").asBoolean()).isFalse();
            assertThat(f.get("exitCode").asInt()).isEqualTo(1);
            assertThat(fakes.calls("npm")).hasSize(1);
        }
    }
}
