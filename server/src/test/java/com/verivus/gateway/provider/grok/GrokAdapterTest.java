package com.verivus.gateway.provider.grok;

import static com.verivus.gateway.provider.AdapterFixture.UUID_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.provider.AdapterTestBase;
import com.verivus.gateway.provider.ApprovalStrategy;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.Effort;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SessionAction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GrokAdapterTest extends AdapterTestBase {

    PreparedRun prepare(UnaryOperator<GrokRequest.Builder> b) {
        return GrokAdapter.prepare(b.apply(GrokRequest.builder("P")).build(), fx.context());
    }

    static Stream<Arguments> flags() {
        return Stream.of(
                Arguments.of("nothing", (UnaryOperator<GrokRequest.Builder>) b -> b, List.of()),
                Arguments.of("model", (UnaryOperator<GrokRequest.Builder>) b -> b.model("grok-build"),
                        List.of("--model", "grok-build")),
                Arguments.of("outputFormat", (UnaryOperator<GrokRequest.Builder>) b ->
                        b.outputFormat(GrokRequest.OutputFormat.STREAMING_JSON), List.of("--output-format", "streaming-json")),
                Arguments.of("alwaysApprove beats permissionMode", (UnaryOperator<GrokRequest.Builder>) b ->
                        b.alwaysApprove(true).permissionMode(GrokPermissionMode.PLAN), List.of("--always-approve")),
                Arguments.of("mcp_managed → always approve", (UnaryOperator<GrokRequest.Builder>) b ->
                        b.approvalStrategy(ApprovalStrategy.MCP_MANAGED), List.of("--always-approve")),
                Arguments.of("permissionMode", (UnaryOperator<GrokRequest.Builder>) b ->
                        b.permissionMode(GrokPermissionMode.ACCEPT_EDITS), List.of("--permission-mode", "acceptEdits")),
                Arguments.of("effort", (UnaryOperator<GrokRequest.Builder>) b -> b.effort(Effort.LOW), List.of("--effort", "low")),
                Arguments.of("reasoningEffort", (UnaryOperator<GrokRequest.Builder>) b -> b.reasoningEffort("high"),
                        List.of("--reasoning-effort", "high")),
                Arguments.of("tools joined", (UnaryOperator<GrokRequest.Builder>) b -> b.allowedTools(List.of("read", "grep")),
                        List.of("--tools", "read,grep")),
                Arguments.of("disallowed joined", (UnaryOperator<GrokRequest.Builder>) b ->
                        b.disallowedTools(List.of("bash", "write")), List.of("--disallowed-tools", "bash,write")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void eachFlag(String name, UnaryOperator<GrokRequest.Builder> b, List<String> flags) {
        List<String> want = new ArrayList<>(List.of("-p", "P"));
        want.addAll(flags);
        assertThat(prepare(b).invocation().args()).containsExactlyElementsOf(want);
    }

    @Test
    void fullOrder() {
        assertThat(prepare(b -> b.model("m").outputFormat(GrokRequest.OutputFormat.JSON)
                .permissionMode(GrokPermissionMode.PLAN).effort(Effort.MAX).reasoningEffort("r")
                .allowedTools(List.of("a", "b")).disallowedTools(List.of("c")).continueLatest(true)).invocation().args())
                .containsExactly("-p", "P", "--model", "m", "--output-format", "json", "--permission-mode", "plan",
                        "--effort", "max", "--reasoning-effort", "r", "--tools", "a,b", "--disallowed-tools", "c",
                        "--continue");
    }

    @Test
    void plainRunGetsANonResumableBookkeepingSession() {
        PreparedRun run = prepare(b -> b);
        assertThat(run.session().effectiveSessionId()).isEqualTo("gw-" + UUID_1);
        assertThat(run.session().resumable()).isFalse();
        assertThat(run.session().bookkeeping()).containsExactly(
                new SessionAction.CreateSession(CliName.GROK, "gw-" + UUID_1, "Grok Session"));
        assertThat(run.invocation().continuesConversation()).isFalse();
        assertThat(run.invocation().outputFormat()).isNull();
    }

    @Test
    void resumeLatestContinuesAndStillGetsABookkeepingSession() {
        PreparedRun run = prepare(b -> b.continueLatest(true));
        assertThat(run.invocation().args()).endsWith("--continue");
        assertThat(run.session().effectiveSessionId()).startsWith("gw-");
        assertThat(run.invocation().continuesConversation()).isTrue();
    }

    @Test
    void userSessionIdResumesAndIsResumable() {
        PreparedRun run = prepare(b -> b.sessionId("s1").continueLatest(true));
        assertThat(run.invocation().args()).endsWith("--resume", "s1").doesNotContain("--continue");
        assertThat(run.session().resumable()).isTrue();
        assertThat(run.session().bookkeeping()).containsExactly(
                new SessionAction.EnsureSession(CliName.GROK, "s1", "Grok Session"),
                new SessionAction.TouchSession(CliName.GROK, "s1"));
    }

    @Test
    void createNewSessionHasNoSessionFlagAndNoBookkeeping() {
        PreparedRun run = prepare(b -> b.createNewSession(true).continueLatest(true));
        assertThat(run.invocation().args()).containsExactly("-p", "P");
        assertThat(run.session().effectiveSessionId()).isNull();
        assertThat(run.session().bookkeeping()).isEmpty();
    }

    @Test
    void guards() {
        assertThatThrownBy(() -> prepare(b -> b.sessionId("gw-abc")))
                .hasMessage("Session ID \"gw-abc\" uses reserved prefix \"gw-\". Gateway-generated session IDs cannot be used for --resume.");
        assertThatThrownBy(() -> prepare(b -> b.allowedTools(List.of("-x")))).hasMessageStartingWith("Invalid allowedTools value");
    }
}
