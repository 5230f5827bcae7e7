package com.verivus.gateway.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.tools.approval.ApprovalListTool;
import com.verivus.gateway.provider.ApprovalPolicy;
import com.verivus.gateway.provider.CliName;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalGateTest {

    @TempDir
    Path home;

    private ApprovalGate gate(Map<String, String> vars) {
        GatewayEnvironment env = new GatewayEnvironment(vars, home, home);
        return new ApprovalGate(new ApprovalLog(home.resolve("state/approvals.jsonl")), env);
    }

    private static ApprovalRequest request(CliName cli, String prompt, boolean bypass, boolean fullAuto,
                                           List<String> servers, ApprovalPolicy policy) {
        return new ApprovalRequest(cli, cli.key() + "_request", prompt, policy, bypass, fullAuto, servers,
                null, null, Map.of("model", "m"));
    }

    @Test
    void balancedApprovesRoutineFullAuto() {
        ApprovalDecision d = gate(Map.of()).decide(request(CliName.CODEX, "add a test", false, true, List.of("sqry"), null));
        assertThat(d.score()).isEqualTo(2);
        assertThat(d.status()).isEqualTo("approved");
        assertThat(d.policy()).isEqualTo("balanced");
    }

    @Test
    void balancedDeniesBypassWithFullAuto() {
        ApprovalDecision d = gate(Map.of()).decide(request(CliName.CODEX, "add a test", true, true, List.of(), null));
        assertThat(d.score()).isEqualTo(7);
        assertThat(d.status()).isEqualTo("denied");
        assertThat(d.reasons()).contains("Request includes full permission bypass");
    }

    @Test
    void thresholdsPerPolicy() {
        ApprovalGate gate = gate(Map.of());
        // bypass (3): denied under strict (2), approved under balanced (5) and permissive (7)
        assertThat(gate.decide(request(CliName.GEMINI, "x", true, false, List.of(), ApprovalPolicy.STRICT)).approved()).isFalse();
        assertThat(gate.decide(request(CliName.GEMINI, "x", true, false, List.of(), ApprovalPolicy.BALANCED)).approved()).isTrue();
        // bypass + exa + sensitive prompt = 8: denied even under permissive
        assertThat(gate.decide(request(CliName.GEMINI, "delete the token", true, false, List.of("exa"),
                ApprovalPolicy.PERMISSIVE)).score()).isEqualTo(8);
        // exactly at the threshold is approved: exa(2) = strict threshold 2
        assertThat(gate.decide(request(CliName.CLAUDE, "x", false, false, List.of("exa"), ApprovalPolicy.STRICT)).approved()).isTrue();
        assertThat(gate.decide(request(CliName.CLAUDE, "x", false, false, List.of("exa", "ref_tools"), ApprovalPolicy.STRICT)).approved()).isFalse();
    }

    @Test
    void environmentSetsTheDefaultPolicy() {
        ApprovalDecision d = gate(Map.of("LLM_GATEWAY_APPROVAL_POLICY", "strict"))
                .decide(request(CliName.GROK, "x", true, false, List.of(), null));
        assertThat(d.policy()).isEqualTo("strict");
        assertThat(d.approved()).isFalse();
    }

    @Test
    void reviewContextAddsPointsForEmptyToolsAndCriticalDisallowed() {
        ApprovalRequest r = new ApprovalRequest(CliName.CLAUDE, "claude_request", "please review this", null,
                false, false, List.of(), List.of(), List.of("Read(*)"), Map.of());
        ApprovalDecision d = gate(Map.of()).decide(r);
        assertThat(d.score()).isEqualTo(12);
        assertThat(d.approved()).isFalse();
        assertThat(d.reviewIntegrity().violations()).hasSize(2);
    }

    @Test
    void emptyAllowedToolsOutsideReviewIsNeverNegativeOrPositive() {
        ApprovalRequest r = new ApprovalRequest(CliName.CLAUDE, "claude_request", "write docs", null,
                false, false, List.of(), List.of(), null, Map.of());
        ApprovalDecision d = gate(Map.of()).decide(r);
        assertThat(d.score()).isZero();
        assertThat(d.reasons()).containsExactly("No tool permissions requested");
    }

    @Test
    void toolSuppressionCountsFour() {
        ApprovalRequest r = new ApprovalRequest(CliName.CLAUDE, "claude_request", "audit it, never use tools", null,
                false, false, List.of(), null, null, Map.of());
        assertThat(gate(Map.of()).decide(r).score()).isEqualTo(4);
    }

    @Test
    void promptIsRedactedButHashedAndLogIsPrivate() throws Exception {
        ApprovalGate gate = gate(Map.of());
        ApprovalDecision d = gate.decide(request(CliName.CLAUDE, "my secret prompt", false, false, List.of(), null));
        assertThat(d.promptPreview()).isEqualTo("[redacted]");
        assertThat(d.promptSha256()).isEqualTo(ApprovalGate.sha256("my secret prompt")).hasSize(64);
        Path file = home.resolve("state/approvals.jsonl");
        String content = Files.readString(file);
        assertThat(content).doesNotContain("my secret prompt").contains(d.promptSha256());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void previewIsKeptWhenAskedFor() {
        String prompt = "line one\n\n   line two " + "x".repeat(400);
        ApprovalDecision d = gate(Map.of("APPROVAL_LOG_PROMPTS", "1"))
                .decide(request(CliName.CLAUDE, prompt, false, false, List.of(), null));
        assertThat(d.promptPreview()).startsWith("line one line two x").hasSize(280);
    }

    @Test
    void approvalListReturnsNewestFirstFilteredAndSkipsGarbage() throws Exception {
        ApprovalGate gate = gate(Map.of());
        gate.decide(request(CliName.CLAUDE, "first", false, false, List.of(), null));
        Files.writeString(home.resolve("state/approvals.jsonl"), "not json\n",
                java.nio.file.StandardOpenOption.APPEND);
        gate.decide(request(CliName.CODEX, "second", false, false, List.of(), null));
        gate.decide(request(CliName.CLAUDE, "third", false, false, List.of(), null));

        List<Map<String, Object>> all = gate.log().list(50, null);
        assertThat(all).extracting(m -> m.get("promptSha256"))
                .containsExactly(ApprovalGate.sha256("third"), ApprovalGate.sha256("second"), ApprovalGate.sha256("first"));
        assertThat(gate.log().list(1, "claude")).extracting(m -> m.get("promptSha256"))
                .containsExactly(ApprovalGate.sha256("third"));

        var result = ToolCatalog.invoke(new ApprovalListTool(gate.log()), Map.of("cli", "codex"), null);
        assertThat(result.isError()).isFalse();
        String text = ((TextContent) result.content().get(0)).text();
        assertThat(text).contains("\"success\": true").contains("\"count\": 1").contains("\"cli\": \"codex\"");
        var bad = ToolCatalog.invoke(new ApprovalListTool(gate.log()), Map.of("limit", 0), null);
        assertThat(bad.isError()).isTrue();
        assertThat(((TextContent) bad.content().get(0)).text()).contains("limit");
    }
}
