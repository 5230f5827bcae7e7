package com.verivus.gateway.provider.gemini;

import static com.verivus.gateway.provider.AdapterFixture.UUID_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.provider.AdapterTestBase;
import com.verivus.gateway.provider.ApprovalStrategy;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.McpServerName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SessionAction;
import com.verivus.gateway.provider.SessionMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GeminiAdapterTest extends AdapterTestBase {

    PreparedRun prepare(UnaryOperator<GeminiRequest.Builder> b) {
        return GeminiAdapter.prepare(b.apply(GeminiRequest.builder("P")).build(), fx.context());
    }

    static Stream<Arguments> flags() {
        return Stream.of(
                Arguments.of("nothing", (UnaryOperator<GeminiRequest.Builder>) b -> b, List.of()),
                Arguments.of("model", (UnaryOperator<GeminiRequest.Builder>) b -> b.model("gemini-2.5-pro"),
                        List.of("--model", "gemini-2.5-pro")),
                Arguments.of("approvalMode", (UnaryOperator<GeminiRequest.Builder>) b ->
                        b.approvalMode(GeminiApprovalMode.AUTO_EDIT), List.of("--approval-mode", "auto_edit")),
                Arguments.of("mcp_managed → yolo", (UnaryOperator<GeminiRequest.Builder>) b ->
                        b.approvalMode(GeminiApprovalMode.PLAN).approvalStrategy(ApprovalStrategy.MCP_MANAGED),
                        List.of("--approval-mode", "yolo")),
                Arguments.of("allowedTools", (UnaryOperator<GeminiRequest.Builder>) b ->
                        b.allowedTools(List.of("read_file", "glob")),
                        List.of("--allowed-tools", "read_file", "--allowed-tools", "glob")),
                Arguments.of("includeDirs", (UnaryOperator<GeminiRequest.Builder>) b -> b.includeDirs(List.of("src", "docs")),
                        List.of("--include-directories", "src", "--include-directories", "docs")),
                Arguments.of("sandbox", (UnaryOperator<GeminiRequest.Builder>) b -> b.sandbox(true), List.of("-s")),
                Arguments.of("json", (UnaryOperator<GeminiRequest.Builder>) b -> b.json(true), List.of("-o", "json")));
    }

    /** Expected: -p P, the flags, then session; no --allowed-mcp-server-names unless servers are named. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void eachFlagInItsSlot(String name, UnaryOperator<GeminiRequest.Builder> b, List<String> flags) {
        List<String> args = prepare(b).invocation().args();
        assertThat(args.subList(0, 2)).containsExactly("-p", "P");
        if (!flags.isEmpty()) {
            assertThat(args).containsSubsequence(flags);
        } else {
            assertThat(args).hasSize(4);
        }
        assertThat(args.subList(args.size() - 2, args.size())).containsExactly("--session-id", UUID_1);
        assertThat(args).doesNotContain("--allowed-mcp-server-names");
    }

    @Test
    void fullOrderMatchesTheSpec() {
        Path policy = fx.file("policy.toml", "");
        Path admin = fx.file("admin.toml", "");
        Path attachment = fx.file("notes.md", "n");
        List<String> args = prepare(b -> b.model("m").approvalMode(GeminiApprovalMode.YOLO).allowedTools(List.of("t"))
                .mcpServers(McpServerName.SQRY, McpServerName.EXA).includeDirs(List.of("d")).sandbox(true)
                .policyFiles(List.of("policy.toml")).adminPolicyFiles(List.of(admin.toString())).json(true)
                .attachments(List.of(attachment.toString()))).invocation().args();
        List<String> expected = new ArrayList<>(List.of("-p", "@" + attachment + " P", "--model", "m", "--approval-mode",
                "yolo", "--allowed-tools", "t", "--allowed-mcp-server-names", "sqry", "--allowed-mcp-server-names", "exa",
                "--include-directories", "d", "-s", "--policy", "policy.toml", "--admin-policy", admin.toString(), "-o",
                "json", "--session-id", UUID_1));
        assertThat(args).containsExactlyElementsOf(expected);
        assertThat(policy).exists();
    }

    @Test
    void freshRunGetsAV4SessionIdReportedAndNotResumable() {
        PreparedRun run = prepare(b -> b);
        assertThat(run.session().effectiveSessionId()).isEqualTo(UUID_1);
        assertThat(run.session().resumable()).isFalse();
        assertThat(run.session().mode()).isEqualTo(SessionMode.FRESH);
        assertThat(run.session().bookkeeping()).containsExactly(
                new SessionAction.EnsureSession(CliName.GEMINI, UUID_1, "Gemini Session"),
                new SessionAction.TouchSession(CliName.GEMINI, UUID_1));
        assertThat(run.invocation().continuesConversation()).isFalse();
    }

    @Test
    void realRandomIdsAreV4() {
        PreparedRun run = GeminiAdapter.prepare(GeminiRequest.builder("P").build(),
                PrepareContext.of(fx.environment(), fx.data));
        assertThat(run.session().effectiveSessionId()).matches(GeminiSessionPlanner.UUID_V4);
    }

    @Test
    void nonV4GeneratedIdIsRefused() {
        assertThatThrownBy(() -> GeminiAdapter.prepare(GeminiRequest.builder("P").build(),
                fx.context().withIds(() -> "not-a-uuid"))).hasMessageContaining("not a v4 UUID");
    }

    @Test
    void sessionIdResumesAndIsResumable() {
        PreparedRun run = prepare(b -> b.sessionId("abc").continueLatest(true));
        assertThat(run.invocation().args()).endsWith("--resume", "abc");
        assertThat(run.session().resumable()).isTrue();
        assertThat(run.session().effectiveSessionId()).isEqualTo("abc");
        assertThat(run.invocation().continuesConversation()).isTrue();
    }

    @Test
    void resumeLatestResumesLatestWithoutAnId() {
        PreparedRun run = prepare(b -> b.continueLatest(true).json(true));
        assertThat(run.invocation().args()).endsWith("-o", "json", "--resume", "latest");
        assertThat(run.session().effectiveSessionId()).isNull();
        assertThat(run.session().resumable()).isFalse();
        assertThat(run.session().bookkeeping()).isEmpty();
        assertThat(run.invocation().continuesConversation()).isTrue();
    }

    @Test
    void createNewSessionWinsOverSessionIdAndLatest() {
        assertThat(prepare(b -> b.sessionId("abc").continueLatest(true).createNewSession(true)).invocation().args())
                .endsWith("--session-id", UUID_1);
    }

    @Test
    void guards() {
        assertThatThrownBy(() -> prepare(b -> b.sessionId("gw-x"))).hasMessageStartingWith("Session ID \"gw-x\" uses reserved");
        assertThatThrownBy(() -> prepare(b -> b.allowedTools(List.of("--yolo"))))
                .hasMessage("Invalid allowedTools value \"--yolo\": values must not start with \"-\" (argument injection prevention)");
        assertThatThrownBy(() -> prepare(b -> b.includeDirs(List.of("-x")))).hasMessageStartingWith("Invalid includeDirs value");
        assertThatThrownBy(() -> prepare(b -> b.policyFiles(List.of("missing.toml"))))
                .hasMessage("policyFiles: path does not exist: missing.toml");
        assertThatThrownBy(() -> prepare(b -> b.adminPolicyFiles(List.of("/no/admin.toml"))))
                .hasMessage("adminPolicyFiles: path does not exist: /no/admin.toml");
        assertThatThrownBy(() -> prepare(b -> b.attachments(List.of("notes.md"))))
                .hasMessage("attachments: path is not absolute: notes.md");
        assertThatThrownBy(() -> prepare(b -> b.attachments(List.of("/no/notes.md"))))
                .hasMessage("attachments: path does not exist: /no/notes.md");
    }
}
