package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same MCP scenarios against the real gateway process over each transport: a subclass supplies
 * the transport ({@link #connect}, {@link #rawExchange}); everything else is shared. One gateway per
 * subclass, the fake CLIs of {@code src/test/resources/fake-cli} on its PATH, the MCP SDK's own client.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractMcpScenarioSuite {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SYNC_TOOLS = List.of("claude_request", "codex_request", "codex_fork_session",
            "gemini_request", "grok_request", "mistral_request");
    static final List<String> ASYNC_TOOLS = List.of("claude_request_async", "codex_request_async",
            "gemini_request_async", "grok_request_async", "mistral_request_async", "llm_job_status",
            "llm_job_result", "llm_job_cancel");

    @TempDir
    static Path dir;

    Path home;
    FakeClis fakes;
    GatewayProcess.Builder launch;
    GatewayClient gw;

    /** Starts the gateway {@code launch} describes and connects the SDK client over this transport. */
    abstract GatewayClient connect(GatewayProcess.Builder launch);

    /**
     * Sends one JSON-RPC request line exactly as written (for inputs the SDK client cannot produce) on an
     * initialized session of this transport and returns the reply.
     */
    abstract JsonNode rawExchange(String request) throws Exception;

    @BeforeAll
    void startGateway() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        fakes = FakeClis.install(dir.resolve("fakes"));
        launch = GatewayProcess.builder(home).env(fakes.env(Map.of()));
        gw = connect(launch);
    }

    @AfterAll
    void stopGateway() throws Exception {
        if (gw != null) {
            gw.close();
        }
    }

    static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }

    static Map<String, Object> json(CallToolResult r) throws IOException {
        return JSON.readValue(text(r), new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    /** The fake CLI calls whose argv carries {@code prompt}: each scenario uses a prompt of its own. */
    List<Map<String, Object>> callsWith(String prompt) {
        return fakes.records().stream().filter(r -> ((List<?>) r.get("argv")).contains(prompt)).toList();
    }

    @Test
    void initializeNamesTheGatewayItsVersionAndWhatItServes() {
        McpSchema.Implementation server = gw.mcp().getServerInfo();
        assertThat(server.name()).isEqualTo("llm-cli-gateway");
        assertThat(server.version()).isEqualTo(System.getProperty("project.version"));
        assertThat(gw.mcp().getServerInstructions()).contains("llm_process_health");
        assertThat(gw.mcp().getServerCapabilities().tools()).isNotNull();
        assertThat(gw.mcp().getServerCapabilities().resources()).isNotNull();
        gw.mcp().ping();
    }

    @Test
    void processHealthReportsTheDefaultSqliteStoreUnderHome() {
        CallToolResult raw = gw.call("llm_process_health", Map.of());
        assertThat(raw.isError()).isFalse();
        assertThat(raw.structuredContent()).isNull();
        assertThat(text(raw)).startsWith("{\n  \"success\": true,");

        Map<String, Object> health = gw.callJson("llm_process_health", Map.of());
        assertThat(health).containsEntry("success", true);
        String db = home.resolve(".llm-cli-gateway/logs.db").toString();
        assertThat(object(health.get("persistence"))).containsEntry("backend", "sqlite").containsEntry("dbPath", db)
                .containsEntry("path", db).containsEntry("dataDir", home.resolve(".llm-cli-gateway").toString());
        Map<String, Object> sources = new java.util.HashMap<>();
        sources.put("configFile", null);
        sources.put("envOverrides", List.of());
        sources.put("selectedBy", "default");
        sources.put("unapprovedProjectConfig", null);
        assertThat(object(health.get("persistence")).get("sources")).isEqualTo(sources);
    }

    @Test
    void toolsListDescribesEveryToolAndEveryParameter() {
        List<McpSchema.Tool> tools = gw.mcp().listTools().tools();
        List<String> names = tools.stream().map(McpSchema.Tool::name).toList();
        assertThat(names).contains("llm_process_health").containsAll(SYNC_TOOLS).containsAll(ASYNC_TOOLS)
                .doesNotHaveDuplicates();
        assertThat(names.indexOf("claude_request")).isLessThan(names.indexOf("claude_request_async"));
        assertThat(names.indexOf("mistral_request_async")).isLessThan(names.indexOf("llm_job_status"));
        assertThat(names.indexOf("llm_job_cancel")).isLessThan(names.indexOf("llm_process_health"));

        for (McpSchema.Tool tool : tools) {
            assertThat(tool.description()).as("description of %s", tool.name()).isNotBlank();
            Map<String, Object> properties = object(tool.inputSchema().get("properties"));
            if (properties == null) {
                continue;
            }
            properties.forEach((name, schema) -> assertThat(object(schema).get("description"))
                    .as("description of %s.%s", tool.name(), name).isInstanceOf(String.class)
                    .asString().isNotBlank());
        }

        McpSchema.Tool claude = tools.stream().filter(t -> t.name().equals("claude_request")).findFirst().orElseThrow();
        assertThat(claude.inputSchema().get("required")).isEqualTo(List.of("prompt"));
        assertThat(object(claude.inputSchema().get("properties"))).containsKeys("prompt", "model", "outputFormat", "sessionId",
                "continueSession", "createNewSession", "allowedTools", "disallowedTools",
                "dangerouslySkipPermissions", "permissionMode", "agent", "agents", "forkSession", "systemPrompt",
                "appendSystemPrompt", "maxBudgetUsd", "maxTurns", "effort", "excludeDynamicSystemPromptSections",
                "correlationId", "optimizePrompt", "optimizeResponse", "idleTimeoutMs", "approvalStrategy",
                "approvalPolicy", "mcpServers", "strictMcpConfig", "forceRefresh");
    }

    @Test
    void everyCliAnswersASyncRequestThroughItsFake() {
        CallToolResult c = gw.call("claude_request", Map.of("prompt", "sync-e2e", "outputFormat", "stream-json"));
        assertThat(c.isError()).isFalse();
        assertThat(text(c)).isEqualTo("fake claude answer: sync-e2e");
        assertThat(structured(c)).containsEntry("inputTokens", 11).containsEntry("outputTokens", 7)
                .containsEntry("costUsd", 0.0123).containsEntry("cli", "claude");

        CallToolResult x = gw.call("codex_request", Map.of("prompt", "sync-e2e", "outputFormat", "json"));
        assertThat(structured(x)).containsEntry("inputTokens", 11).containsEntry("cli", "codex");
        assertThat(fakes.lastRecord().get("argv")).isEqualTo(List.of("exec", "--json", "--skip-git-repo-check",
                "sync-e2e"));

        CallToolResult g = gw.call("gemini_request", Map.of("prompt", "sync-e2e", "outputFormat", "json"));
        assertThat(structured(g)).containsEntry("inputTokens", 11).containsEntry("resumable", false);

        CallToolResult k = gw.call("grok_request", Map.of("prompt", "sync-e2e"));
        assertThat(text(k)).isEqualTo("fake grok answer: sync-e2e\n");

        CallToolResult m = gw.call("mistral_request", Map.of("prompt", "sync-e2e"));
        assertThat(text(m)).startsWith("fake vibe answer: sync-e2e");
        assertThat(fakes.lastRecord().get("argv")).isEqualTo(List.of("-p", "sync-e2e", "--agent", "auto-approve"));

        assertThat(callsWith("sync-e2e")).extracting(r -> r.get("cli"))
                .containsExactly("claude", "codex", "gemini", "grok", "vibe");
    }

    @Test
    void anAsyncJobIsPolledToCompletionAndItsResultFetched() throws Exception {
        Map<String, Object> started = json(gw.call("codex_request_async", Map.of("prompt", "async-e2e")));
        String jobId = (String) object(started.get("job")).get("id");
        assertThat(jobId).isNotBlank();
        Map<String, Object> status;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            status = object(json(gw.call("llm_job_status", Map.of("jobId", jobId))).get("job"));
            Thread.sleep(50);
        } while ("running".equals(status.get("status")) && System.nanoTime() < deadline);
        assertThat(status).containsEntry("status", "completed").containsEntry("exitCode", 0);

        Map<String, Object> result = json(gw.call("llm_job_result", Map.of("jobId", jobId)));
        assertThat(object(result.get("result")).get("stdout")).isEqualTo("fake codex answer: async-e2e\n");
        assertThat(callsWith("async-e2e")).singleElement().extracting(r -> r.get("cli")).isEqualTo("codex");
    }

    @Test
    void badToolArgumentsGetAClearErrorResultAndRunNoCli() {
        int before = fakes.records().size();
        CallToolResult missing = gw.call("claude_request", Map.of("model", "sonnet"));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).isEqualTo("Input validation error: prompt: required");

        CallToolResult unknown = gw.call("claude_request", Map.of("prompt", "p", "promt", "typo"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).startsWith("Input validation error: promt: unknown parameter (known: prompt, ");

        CallToolResult wrongType = gw.call("claude_request", Map.of("prompt", 42));
        assertThat(wrongType.isError()).isTrue();
        assertThat(text(wrongType)).startsWith("Input validation error: ").contains("prompt").contains("string");

        assertThat(fakes.records()).hasSize(before);
    }

    @Test
    void malformedToolCallParamsGetOneJsonRpcErrorWithTheirId() throws Exception {
        JsonNode nullParams = rawExchange("{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":null}");
        assertThat(nullParams.get("id").asInt()).isEqualTo(11);
        assertThat(nullParams.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(nullParams.at("/error/message").asText())
                .isEqualTo("Invalid params: tools/call needs params (an object)");

        JsonNode arrayName = rawExchange(
                "{\"jsonrpc\":\"2.0\",\"id\":\"n\",\"method\":\"tools/call\",\"params\":{\"name\":[\"x\"]}}");
        assertThat(arrayName.get("id").asText()).isEqualTo("n");
        assertThat(arrayName.at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(arrayName.at("/error/message").asText())
                .isEqualTo("Invalid params: params.name: expected a string, not an array");
    }

    @Test
    void resourcesListHasEverySkillAndProcessHealth() {
        List<McpSchema.Resource> resources = gw.mcp().listResources().resources();
        assertThat(resources).extracting(McpSchema.Resource::uri).contains("skills://async-job-orchestration",
                "skills://session-workflow", "skills://multi-llm-review", "skills://secure-orchestration",
                "skills://gateway-observability", "metrics://process-health");
        for (McpSchema.Resource resource : resources) {
            assertThat(resource.description()).as("description of %s", resource.uri()).isNotBlank();
        }
        McpSchema.ReadResourceResult skill = gw.mcp().readResource(
                new McpSchema.ReadResourceRequest("skills://secure-orchestration"));
        assertThat(((McpSchema.TextResourceContents) skill.contents().getFirst()).mimeType()).isEqualTo("text/markdown");
    }
}
