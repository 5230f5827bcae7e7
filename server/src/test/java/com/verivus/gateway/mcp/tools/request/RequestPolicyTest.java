package com.verivus.gateway.mcp.tools.request;

import static com.verivus.gateway.mcp.tools.request.RequestGateway.argv;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.json;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.structured;
import static com.verivus.gateway.mcp.tools.request.RequestGateway.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.approval.ApprovalGate;
import com.verivus.gateway.approval.ApprovalLog;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.job.DirectRunner;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobEngineSettings;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.models.ModelRegistry;
import com.verivus.gateway.process.ProcessLauncher;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.recorder.PerformanceMetrics;
import com.verivus.gateway.request.PollTools;
import com.verivus.gateway.request.PreparedRequest;
import com.verivus.gateway.request.ProgressSink;
import com.verivus.gateway.request.RequestPipeline;
import com.verivus.gateway.request.RequestServices;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approval, review integrity, Claude MCP config failures and the idle timeout, end to end on real processes. */
class RequestPolicyTest {

    @TempDir
    Path dir;

    RequestGateway gw;

    @BeforeEach
    void start() {
        gw = RequestGateway.start(dir);
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    @Test
    void a_denied_mcp_managed_request_spawns_nothing_and_is_recorded_failed_with_the_decision() throws Exception {
        CallToolResult r = gw.call("claude_request", Map.of("prompt", "do it", "approvalStrategy", "mcp_managed",
                "approvalPolicy", "strict", "dangerouslySkipPermissions", true, "correlationId", "p-deny"));

        assertThat(r.isError()).isTrue();
        assertThat(r.structuredContent()).isNull();
        Map<String, Object> body = json(r);
        assertThat(List.copyOf(body.keySet())).containsExactly("success", "error", "approval");
        assertThat(body).containsEntry("success", false)
                .containsEntry("error", "claude_request denied by MCP-managed approval policy");
        @SuppressWarnings("unchecked")
        Map<String, Object> approval = (Map<String, Object>) body.get("approval");
        assertThat(approval).containsEntry("status", "denied").containsEntry("policy", "strict")
                .containsEntry("cli", "claude").containsEntry("operation", "claude_request")
                .containsEntry("score", 3).containsEntry("bypassRequested", true)
                .containsEntry("promptPreview", "[redacted]");
        assertThat(approval.get("metadata")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("model", null).containsEntry("strictMcpConfig", false);
        assertThat(gw.fakes.records()).isEmpty();
        assertThat(Files.exists(gw.fakes.recordFile())).isFalse();
        assertThat(gw.recorderRow("p-deny")).containsEntry("status", "failed")
                .containsEntry("approval_decision", "denied")
                .containsEntry("error_message", "claude_request denied by MCP-managed approval policy");
        assertThat(Files.readString(gw.home.resolve(".llm-cli-gateway/approvals.jsonl"))).contains("\"denied\"");
        assertThat(gw.metrics()).containsEntry("totalFailures", 1L);
    }

    @Test
    void an_approved_mcp_managed_request_runs_with_the_cli_prompts_bypassed_and_reports_the_decision() {
        CallToolResult claude = gw.call("claude_request", Map.of("prompt", "tidy up", "approvalStrategy",
                "mcp_managed", "correlationId", "p-ok"));
        CallToolResult gemini = gw.call("gemini_request_async", Map.of("prompt", "tidy up", "approvalStrategy",
                "mcp_managed"));

        assertThat(claude.isError()).as(text(claude)).isFalse();
        assertThat(argv(gw.fakes.records().get(0))).containsSequence("--permission-mode", "bypassPermissions");
        assertThat(structured(claude).get("approval")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("status", "approved")
                .containsEntry("policy", "balanced");
        assertThat(gw.recorderRow("p-ok")).containsEntry("approval_decision", "approved");
        assertThat(json(gemini).get("approval")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("status", "approved").containsEntry("operation", "gemini_request_async");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> perCliApprovalInputs() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("codex_request", Map.of(
                        "dangerouslyBypassApprovalsAndSandbox", true, "fullAuto", true), "balanced", true, true, 7),
                org.junit.jupiter.params.provider.Arguments.of("codex_request", Map.of("fullAuto", true), "strict",
                        false, true, 2),
                org.junit.jupiter.params.provider.Arguments.of("gemini_request", Map.of("approvalMode", "yolo"),
                        "strict", true, false, 3),
                org.junit.jupiter.params.provider.Arguments.of("grok_request", Map.of("permissionMode",
                        "bypassPermissions"), "strict", true, false, 3),
                org.junit.jupiter.params.provider.Arguments.of("grok_request", Map.of("alwaysApprove", true),
                        "strict", true, false, 3),
                org.junit.jupiter.params.provider.Arguments.of("mistral_request", Map.of("permissionMode",
                        "auto-approve"), "strict", true, false, 3),
                org.junit.jupiter.params.provider.Arguments.of("mistral_request", Map.of(), "strict", false, false, 0),
                org.junit.jupiter.params.provider.Arguments.of("claude_request", Map.of("permissionMode",
                        "bypassPermissions"), "strict", false, false, 0));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1} {2}")
    @org.junit.jupiter.params.provider.MethodSource("perCliApprovalInputs")
    void each_cli_feeds_its_own_bypass_and_full_auto_inputs_to_the_approval_gate(String tool, Map<String, Object> extra,
            String policy, boolean bypass, boolean fullAuto, int score) {
        Map<String, Object> args = new java.util.HashMap<>(extra);
        args.put("prompt", "tidy up the module");
        args.put("approvalStrategy", "mcp_managed");
        args.put("approvalPolicy", policy);
        CallToolResult r = gw.call(tool, args);

        boolean approved = score <= (policy.equals("strict") ? 2 : 5);
        Map<?, ?> approval = (Map<?, ?>) (approved ? structured(r).get("approval") : json(r).get("approval"));
        assertThat(r.isError()).as(text(r)).isEqualTo(!approved);
        assertThat(approval.get("bypassRequested")).isEqualTo(bypass);
        assertThat(approval.get("fullAuto")).isEqualTo(fullAuto);
        assertThat(approval.get("score")).isEqualTo(score);
        assertThat(approval.get("status")).isEqualTo(approved ? "approved" : "denied");
        assertThat(gw.fakes.records()).hasSize(approved ? 1 : 0);
        if (tool.startsWith("mistral")) {
            assertThat(approval.get("metadata")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("vibeActiveModelEnv", true).containsEntry("model", "devstral-medium");
        }
    }

    @Test
    void review_integrity_findings_are_appended_to_text_answers_but_not_to_json() {
        CallToolResult text = gw.call("claude_request", Map.of("prompt", "Please review this code",
                "allowedTools", List.of()));
        CallToolResult json = gw.call("claude_request", Map.of("prompt", "Please review this module",
                "allowedTools", List.of(), "outputFormat", "json"));

        assertThat(text(text)).startsWith("fake claude answer: Please review this code")
                .contains("\n\n⚠️ Review Integrity Warnings (score: 6):\n- [empty_allowed_tools] ");
        assertThat(structured(text).get("reviewIntegrity")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("isReviewContext", true)
                .containsEntry("totalScore", 6);
        assertThat(text(json)).doesNotContain("Review Integrity Warnings");
        assertThat(structured(json)).containsKey("reviewIntegrity").containsEntry("inputTokens", 11L);
    }

    @Test
    void optimize_prompt_sends_the_shorter_prompt_and_records_the_original() {
        String prompt = "Please could you give me a comprehensive and detailed summary of the change";
        gw.call("grok_request", Map.of("prompt", prompt, "optimizePrompt", true, "correlationId", "p-opt"));

        String sent = argv(gw.fakes.lastRecord()).get(1);
        assertThat(sent).isNotEqualTo(prompt).doesNotContain("comprehensive");
        assertThat(gw.recorderRow("p-opt")).containsEntry("prompt", prompt).containsEntry("optimization_applied", 1);
    }

    @Test
    void unavailable_servers_under_strict_mcp_config_return_the_mcp_config_failure_payload() {
        CallToolResult r = gw.call("claude_request", Map.of("prompt", "p", "strictMcpConfig", true,
                "mcpServers", List.of("exa", "sqry", "exa"), "correlationId", "p-mcp"));

        assertThat(r.isError()).isTrue();
        assertThat(json(r)).containsEntry("success", false)
                .containsEntry("error", "claude_request failed to prepare Claude MCP config")
                .containsEntry("message", "strictMcpConfig=true but requested servers are unavailable: exa, sqry")
                .containsEntry("correlationId", "p-mcp")
                .containsEntry("mcpServers", Map.of("requested", List.of("exa", "sqry"), "missing", List.of("exa",
                        "sqry")));
        assertThat(gw.fakes.records()).isEmpty();
    }

    @Test
    void an_idle_cli_is_killed_and_reported_as_exit_125() {
        // The tools accept idleTimeoutMs >= 30000; an engine with a shorter minimum runs a 500 ms idle timeout.
        JobEngineSettings settings = JobEngineSettings.defaults(JobEngineSettings.DEFAULT_DEDUP_WINDOW_MS)
                .withMinIdleTimeout(Duration.ofMillis(100)).withKillGrace(Duration.ofSeconds(1));
        try (RequestGateway hang = RequestGateway.start(dir.resolve("hang"), Map.of("FAKE_CLI_MODE", "hang"));
             JobEngine engine = new JobEngine(settings, Optional.empty(),
                     new ProcessLauncher(hang.runtime.environment()), Clock.systemUTC())) {
            GatewayEnvironment env = hang.runtime.environment();
            Path data = env.defaultDataDirectory();
            RequestPipeline pipeline = new RequestPipeline(new RequestServices(new ModelRegistry(env),
                    hang.runtime.sessions(), new ApprovalGate(new ApprovalLog(data.resolve("approvals.jsonl")), env),
                    hang.runtime.recorder(), new PerformanceMetrics(), engine, DirectRunner.open(env, settings), PrepareContext.of(env, data), 45_000,
                    PollTools.NONE));
            ToolCall call = new ToolCall("claude_request", ClaudeRequestTools.SYNC.schema().validate(Map.of(
                    "prompt", "stay quiet", "outputFormat", "stream-json", "correlationId", "p-idle")), null);
            PreparedRequest prepared = pipeline.prepare(ClaudeRequestTools.SYNC.parser().apply(call));
            CliInvocation inv = prepared.invocation();
            assertThat(inv.idleTimeoutMs()).isEqualTo(600_000L);

            CallToolResult r = RequestResults.of(pipeline.runSync(prepared.withInvocation(new CliInvocation(inv.cli(),
                    inv.args(), inv.env(), inv.outputFormat(), 500L, inv.tempFiles(), inv.continuesConversation())),
                    ProgressSink.NONE));

            assertThat(r.isError()).isTrue();
            assertThat(text(r)).isEqualTo("Error executing claude CLI: Process killed due to inactivity\n"
                    + "Process killed after 500ms of inactivity");
            assertThat(structured(r)).containsEntry("exitCode", 125).containsEntry("errorCategory", "idle_timeout");
            assertThat(hang.recorderRow("p-idle")).containsEntry("status", "failed").containsEntry("exit_code", 125);
        }
    }
}
