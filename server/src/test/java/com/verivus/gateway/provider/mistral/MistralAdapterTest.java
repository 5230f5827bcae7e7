package com.verivus.gateway.provider.mistral;

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
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MistralAdapterTest extends AdapterTestBase {

    PreparedRun prepare(UnaryOperator<MistralRequest.Builder> b) {
        return MistralAdapter.prepare(b.apply(MistralRequest.builder("P")).build(), fx.context());
    }

    static Stream<Arguments> flags() {
        return Stream.of(
                Arguments.of("nothing", (UnaryOperator<MistralRequest.Builder>) b -> b, List.of("--agent", "auto-approve")),
                Arguments.of("outputFormat", (UnaryOperator<MistralRequest.Builder>) b ->
                        b.outputFormat(MistralRequest.OutputFormat.STREAM_JSON),
                        List.of("--output-format", "stream-json", "--agent", "auto-approve")),
                Arguments.of("permissionMode", (UnaryOperator<MistralRequest.Builder>) b ->
                        b.permissionMode(MistralPermissionMode.ACCEPT_EDITS), List.of("--agent", "accept-edits")),
                Arguments.of("mcp_managed → auto-approve", (UnaryOperator<MistralRequest.Builder>) b ->
                        b.permissionMode(MistralPermissionMode.PLAN).approvalStrategy(ApprovalStrategy.MCP_MANAGED),
                        List.of("--agent", "auto-approve")),
                Arguments.of("effort", (UnaryOperator<MistralRequest.Builder>) b -> b.effort(Effort.HIGH),
                        List.of("--agent", "auto-approve", "--effort", "high")),
                Arguments.of("reasoningEffort", (UnaryOperator<MistralRequest.Builder>) b -> b.reasoningEffort("low"),
                        List.of("--agent", "auto-approve", "--reasoning-effort", "low")),
                Arguments.of("one --enabled-tools per tool", (UnaryOperator<MistralRequest.Builder>) b ->
                        b.allowedTools(List.of("read_file", "grep")),
                        List.of("--agent", "auto-approve", "--enabled-tools", "read_file", "--enabled-tools", "grep")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flags")
    void eachFlag(String name, UnaryOperator<MistralRequest.Builder> b, List<String> flags) {
        List<String> want = new ArrayList<>(List.of("-p", "P"));
        want.addAll(flags);
        assertThat(prepare(b).invocation().args()).containsExactlyElementsOf(want);
    }

    @Test
    void modelGoesThroughVibeActiveModelNeverAFlag() {
        PreparedRun run = prepare(b -> b.model("devstral-large"));
        assertThat(run.invocation().env()).isEqualTo(Map.of("VIBE_ACTIVE_MODEL", "devstral-large"));
        assertThat(run.invocation().args()).doesNotContain("--model");
        assertThat(run.invocation().cli().executable()).isEqualTo("vibe");
    }

    @Test
    void modelDefaultsToDevstralMedium() {
        assertThat(prepare(b -> b).invocation().env()).isEqualTo(Map.of("VIBE_ACTIVE_MODEL", "devstral-medium"));
    }

    @Test
    void modelWithWhitespaceBreaksTheEnvContract() {
        assertThatThrownBy(() -> prepare(b -> b.model("two words")))
                .hasMessageStartingWith("Upstream mistral CLI environment contract violation");
    }

    @Test
    void disallowedToolsAreIgnoredWithANote() {
        PreparedRun run = prepare(b -> b.disallowedTools(List.of("bash")));
        assertThat(run.invocation().args()).containsExactly("-p", "P", "--agent", "auto-approve");
        assertThat(run.warnings()).containsExactly("Mistral does not support disallowedTools; ignoring bash");
    }

    @Test
    void sessionsBehaveLikeGrok() {
        assertThat(prepare(b -> b.continueLatest(true)).invocation().args()).endsWith("--continue");
        PreparedRun resumed = prepare(b -> b.sessionId("s1"));
        assertThat(resumed.invocation().args()).endsWith("--resume", "s1");
        assertThat(resumed.session().resumable()).isTrue();
        PreparedRun plain = prepare(b -> b);
        assertThat(plain.session().bookkeeping()).containsExactly(
                new SessionAction.CreateSession(CliName.MISTRAL, "gw-" + UUID_1, "Mistral Session"));
        assertThat(plain.session().resumable()).isFalse();
        assertThatThrownBy(() -> prepare(b -> b.sessionId("gw-1"))).hasMessageStartingWith("Session ID \"gw-1\"");
        assertThatThrownBy(() -> prepare(b -> b.allowedTools(List.of("--all")))).hasMessageStartingWith("Invalid allowedTools");
    }
}
