package com.verivus.gateway.mcp.tools.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.models.ModelRegistry;
import com.verivus.gateway.provider.CliName;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list_models, list_available_models and models://<cli>, over a registry reading a temp HOME. */
class ModelToolsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    ModelRegistry registry;
    ToolCatalog catalog;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(home.resolve(".claude"));
        Files.writeString(home.resolve(".claude/settings.json"), "{\"model\": \"opus\"}");
        registry = new ModelRegistry(new GatewayEnvironment(Map.of("GROK_DEFAULT_MODEL", "grok-4",
                "CODEX_MODEL_ALIASES", "fast=gpt-5.4"), home, home));
        catalog = new ToolCatalog(List.of(new ListModelsTool(registry), new ListAvailableModelsTool(registry)),
                ModelResource.all(registry));
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        GatewayTool t = catalog.tools().stream().filter(x -> x.name().equals(tool)).findFirst().orElseThrow();
        return ToolCatalog.invoke(t, args, null);
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private static Map<String, Object> cli(Object value) {
        Map<String, Object> args = new HashMap<>();
        args.put("cli", value);
        return args;
    }

    @Test
    void listModelsWithoutCliReturnsTheWholeMapAsPrettyText() throws Exception {
        for (Map<String, Object> args : List.of(Map.<String, Object>of(), cli(""), cli(null))) {
            CallToolResult r = call("list_models", args);
            assertThat(r.isError()).isFalse();
            assertThat(r.structuredContent()).isNull();
            assertThat(text(r)).isEqualTo(ToolResults.pretty(registry.toJson()));
            JsonNode body = JSON.readTree(text(r));
            assertThat(body.properties()).extracting(Map.Entry::getKey)
                    .containsExactly("claude", "codex", "gemini", "grok", "mistral");
            assertThat(body.at("/claude/defaultModel").asText()).isEqualTo("opus");
            assertThat(body.at("/claude/defaultModelSource").asText())
                    .isEqualTo(home.resolve(".claude/settings.json").toString());
        }
    }

    @Test
    void listModelsForOneCliWrapsItUnderItsKey() throws Exception {
        JsonNode body = JSON.readTree(text(call("list_models", cli("grok"))));
        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactly("grok");
        assertThat(body.at("/grok/defaultModel").asText()).isEqualTo("grok-4");
        assertThat(body.at("/grok/modelOrder/0").asText()).isEqualTo("grok-4");
        assertThat(body.at("/grok/modelMetadata/grok-4/source").asText()).isEqualTo("env");
        JsonNode codex = JSON.readTree(text(call("list_models", cli("codex"))));
        assertThat(codex.at("/codex/aliases/fast").asText()).isEqualTo("gpt-5.4");
    }

    @Test
    void listModelsRejectsAnUnknownCli() {
        CallToolResult r = call("list_models", cli("cursor"));
        assertThat(r.isError()).isTrue();
        assertThat(text(r)).startsWith("Input validation error: cli: must be one of claude, codex, gemini, grok, mistral");
    }

    @Test
    void listAvailableModelsReturnsSuccessAndTheMapAsTextAndStructuredContent() throws Exception {
        CallToolResult r = call("list_available_models", Map.of());
        assertThat(r.isError()).isFalse();
        JsonNode text = JSON.readTree(text(r));
        assertThat(text.properties()).extracting(Map.Entry::getKey).containsExactly("success", "models");
        assertThat(text.get("success").asBoolean()).isTrue();
        assertThat(text.get("models")).isEqualTo(JSON.valueToTree(registry.toJson()));
        assertThat((Object) JSON.valueToTree(r.structuredContent())).isEqualTo(text);
    }

    @Test
    void modelResourcesCarryTheNodeNamesTitlesAndOneClisInfo() throws Exception {
        assertThat(catalog.resources()).extracting(GatewayResource::uri).containsExactly("models://claude",
                "models://codex", "models://gemini", "models://grok", "models://mistral");
        assertThat(catalog.resources()).extracting(GatewayResource::name).containsExactly("claude-models",
                "codex-models", "gemini-models", "grok-models", "mistral-models");
        assertThat(catalog.resources()).extracting(GatewayResource::title).containsExactly("🧠 Claude Models",
                "🔧 Codex Models", "🌟 Gemini Models", "⚡ Grok Models", "🌬 Mistral Models");
        assertThat(catalog.resources()).extracting(GatewayResource::description).containsExactly(
                "Claude models and capabilities", "Codex models and capabilities", "Gemini models and capabilities",
                "Grok models and capabilities", "Mistral Vibe models and capabilities");
        for (CliName c : CliName.values()) {
            SyncResourceSpecification spec = catalog.resourceSpecifications().stream()
                    .filter(s -> s.resource().uri().equals("models://" + c.key())).findFirst().orElseThrow();
            McpSchema.ReadResourceResult result = spec.readHandler()
                    .apply(null, new McpSchema.ReadResourceRequest("models://" + c.key()));
            String text = ((TextResourceContents) result.contents().get(0)).text();
            assertThat(JSON.readTree(text)).isEqualTo(JSON.valueToTree(registry.cliInfo(c).toJson()));
        }
    }

    @Test
    void toolsAndParametersAreDescribedAndMarkedReadOnly() {
        for (GatewayTool tool : catalog.tools()) {
            assertThat(tool.readOnly()).isTrue();
            assertThat(tool.description()).hasSizeGreaterThan(80);
            tool.inputSchema().params().forEach(p -> assertThat(p.description()).hasSizeGreaterThan(20));
        }
    }
}
