package com.verivus.gateway.mcp.tools.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.contract.CliContract;
import com.verivus.gateway.provider.contract.UpstreamContracts;
import com.verivus.gateway.request.PollTools;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request tools' parameter lists: names, enums, defaults and limits of §1.1/§1.2. */
class RequestToolSchemaTest {

    private static final List<String> SHARED = List.of("prompt", "model", "correlationId", "approvalStrategy",
            "approvalPolicy", "mcpServers", "optimizePrompt", "idleTimeoutMs", "forceRefresh");
    private static final List<String> REQUEST_TOOLS = List.of("claude_request", "codex_request", "gemini_request",
            "grok_request", "mistral_request", "claude_request_async", "codex_request_async", "gemini_request_async",
            "grok_request_async", "mistral_request_async");

    @TempDir
    static Path dir;

    static RequestGateway gw;

    @BeforeAll
    static void start() {
        gw = RequestGateway.start(dir);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static InputSchema schema(String tool) {
        return gw.tool(tool).orElseThrow().inputSchema();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> property(String tool, String name) {
        Map<String, Object> properties = (Map<String, Object>) schema(tool).toJsonSchema().get("properties");
        assertThat(properties).as(tool).containsKey(name);
        return (Map<String, Object>) properties.get(name);
    }

    @Test
    void every_request_tool_has_the_shared_parameters_with_their_documented_limits_and_defaults() {
        for (String tool : REQUEST_TOOLS) {
            assertThat(schema(tool).params()).extracting(InputSchema.Param::name).as(tool).containsAll(SHARED);
            assertThat(schema(tool).toJsonSchema().get("required")).as(tool).isEqualTo(List.of("prompt"));
            assertThat(property(tool, "prompt")).containsEntry("minLength", 1).containsEntry("maxLength", 100_000);
            assertThat(property(tool, "idleTimeoutMs")).containsEntry("minimum", 30_000L)
                    .containsEntry("maximum", 3_600_000L).doesNotContainKey("default");
            assertThat(property(tool, "approvalStrategy")).containsEntry("enum", List.of("legacy", "mcp_managed"))
                    .containsEntry("default", "legacy");
            assertThat(property(tool, "approvalPolicy")).containsEntry("enum", List.of("strict", "balanced",
                    "permissive")).doesNotContainKey("default");
            assertThat(property(tool, "mcpServers")).doesNotContainKey("default")
                    .containsEntry("items", Map.of("type", "string", "enum", List.of("sqry", "exa", "ref_tools",
                            "trstr")));
            assertThat(property(tool, "forceRefresh")).containsEntry("default", false);
            assertThat(schema(tool).params()).as(tool).allSatisfy(p -> assertThat(p.description()).hasSizeGreaterThan(20));
            assertThat(gw.tool(tool).orElseThrow().description()).hasSizeGreaterThan(100);
        }
    }

    @Test
    void optimize_response_is_on_the_sync_tools_only_and_the_session_trio_on_every_cli() {
        for (String tool : REQUEST_TOOLS) {
            boolean sync = !tool.endsWith("_async");
            assertThat(schema(tool).params().stream().anyMatch(p -> p.name().equals("optimizeResponse"))).as(tool)
                    .isEqualTo(sync);
            String cont = tool.startsWith("claude") ? "continueSession" : "resumeLatest";
            assertThat(schema(tool).params()).extracting(InputSchema.Param::name).as(tool)
                    .contains("sessionId", cont, "createNewSession");
        }
    }

    @Test
    void every_parameter_an_upstream_contract_maps_to_a_flag_exists_on_one_of_its_tools() {
        for (CliName cli : CliName.values()) {
            CliContract contract = UpstreamContracts.of(cli);
            List<String> offered = contract.mcpTools().stream().filter(t -> gw.tool(t).isPresent())
                    .flatMap(t -> schema(t).params().stream().map(InputSchema.Param::name)).distinct().toList();
            assertThat(offered).as(cli.key()).containsAll(contract.mcpParameters());
        }
    }

    @Test
    void the_cli_specific_enums_and_defaults_are_the_documented_ones() {
        assertThat(property("claude_request", "outputFormat")).containsEntry("enum", List.of("text", "json",
                "stream-json")).containsEntry("default", "text");
        assertThat(property("claude_request", "permissionMode")).containsEntry("enum", List.of("default",
                "acceptEdits", "plan", "auto", "dontAsk", "bypassPermissions"));
        assertThat(property("claude_request", "effort")).containsEntry("enum", List.of("low", "medium", "high",
                "xhigh", "max"));
        assertThat(property("claude_request", "maxTurns")).containsEntry("minimum", 1);
        assertThat(property("claude_request", "strictMcpConfig")).containsEntry("default", false);
        assertThat(property("codex_request", "outputFormat")).containsEntry("enum", List.of("text", "json"))
                .containsEntry("default", "text");
        assertThat(property("codex_request", "sandboxMode")).containsEntry("enum", List.of("read-only",
                "workspace-write", "danger-full-access"));
        assertThat(property("codex_request", "askForApproval")).containsEntry("enum", List.of("untrusted",
                "on-request", "never"));
        assertThat(property("codex_request", "outputSchema"))
                .containsEntry("anyOf", List.of(Map.of("type", "string"), Map.of("type", "object")));
        assertThat(property("gemini_request", "approvalMode")).containsEntry("enum", List.of("default", "auto_edit",
                "yolo", "plan"));
        assertThat(property("grok_request", "outputFormat")).containsEntry("enum", List.of("plain", "json",
                "streaming-json")).doesNotContainKey("default");
        assertThat(property("grok_request", "alwaysApprove")).containsEntry("default", false);
        assertThat(property("mistral_request", "outputFormat")).containsEntry("enum", List.of("plain", "json",
                "stream-json"));
        assertThat(property("mistral_request", "permissionMode")).containsEntry("enum", List.of("default", "plan",
                "accept-edits", "auto-approve", "chat", "explore", "lean"));
        assertThat(schema("codex_fork_session").params()).extracting(InputSchema.Param::name)
                .containsExactly("prompt", "sessionId", "forkLast", "model", "sandboxMode", "askForApproval",
                        "correlationId", "idleTimeoutMs", "workingDir");
    }

    @Test
    void deferred_replies_name_llm_job_tools_when_registered_else_the_validation_job_tools_else_none() {
        assertThat(PollTools.from(gw.toolNames()))
                .isEqualTo(new PollTools("llm_job_status", "llm_job_result", "llm_job_cancel"));
        assertThat(PollTools.from(Set.of("job_status", "job_result", "claude_request")))
                .isEqualTo(new PollTools("job_status", "job_result", null));
        assertThat(PollTools.from(Set.of("claude_request"))).isEqualTo(PollTools.NONE);
    }

    @Test
    void the_request_tools_are_not_read_only() {
        assertThat(REQUEST_TOOLS).allSatisfy(t -> assertThat(gw.tool(t).map(GatewayTool::readOnly)).contains(false));
    }
}
