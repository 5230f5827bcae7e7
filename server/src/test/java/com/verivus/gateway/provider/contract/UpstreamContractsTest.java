package com.verivus.gateway.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.provider.CliName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UpstreamContractsTest {

    static Stream<Arguments> fixtures() {
        List<Arguments> all = new ArrayList<>();
        for (CliName cli : CliName.values()) {
            for (ConformanceFixture f : UpstreamContracts.of(cli).fixtures()) {
                all.add(Arguments.of(cli, f));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    void everyConformanceFixtureGetsItsVerdict(CliName cli, ConformanceFixture f) {
        List<String> problems = new ArrayList<>(UpstreamContracts.checkArgs(cli, f.args()));
        problems.addAll(UpstreamContracts.checkEnv(cli, f.env()));
        if (f.expectPass()) {
            assertThat(problems).as(f.id()).isEmpty();
        } else {
            assertThat(problems).as(f.id()).isNotEmpty();
        }
    }

    @Test
    void unknownFlagIsNamedInTheViolation() {
        assertThatThrownBy(() -> UpstreamContracts.assertArgs(CliName.CLAUDE, List.of("-p", "x", "--yolo")))
                .isInstanceOf(ContractViolationException.class)
                .hasMessage("Upstream claude CLI contract violation: "
                        + "Unsupported claude CLI flag \"--yolo\" for bundled upstream contract");
    }

    @Test
    void severalViolationsAreJoinedWithSemicolons() {
        assertThatThrownBy(() -> UpstreamContracts.assertArgs(CliName.GEMINI,
                List.of("-p", "x", "--approval-mode", "always", "--nope")))
                .hasMessage("Upstream gemini CLI contract violation: Invalid value \"always\" for gemini CLI flag "
                        + "\"--approval-mode\"; expected one of: default, auto_edit, yolo, plan; "
                        + "Unsupported gemini CLI flag \"--nope\" for bundled upstream contract");
    }

    @Test
    void codexArgvMustStartWithExec() {
        assertThat(UpstreamContracts.checkArgs(CliName.CODEX, List.of("fork", "id", "p")))
                .containsExactly("codex argv must start with \"exec\"");
    }

    @Test
    void codexExecForkIsAcceptedWithSessionAndPrompt() {
        assertThatCode(() -> UpstreamContracts.assertArgs(CliName.CODEX,
                List.of("exec", "fork", "--model", "gpt-5.5", "--skip-git-repo-check", "abc", "do it")))
                .doesNotThrowAnyException();
    }

    @Test
    void codexResumeForbidsSandboxOutputSchemaAndOverrides() {
        assertThat(UpstreamContracts.checkArgs(CliName.CODEX, List.of("exec", "resume", "--last", "--sandbox",
                "read-only", "--output-schema", "/s.json", "-c", "a=b", "p")))
                .containsExactly(
                        "codex CLI flag \"--sandbox\" is only valid with exec, not with exec resume",
                        "codex CLI flag \"--output-schema\" is only valid with exec, not with exec resume",
                        "codex CLI flag \"-c\" is not supported with exec resume");
    }

    @Test
    void codexLastOnlyInResume() {
        assertThat(UpstreamContracts.checkArgs(CliName.CODEX, List.of("exec", "--last", "p")))
                .containsExactly("codex CLI flag \"--last\" is only valid with exec resume, not with exec");
    }

    @Test
    void positionalLimitsDependOnTheSubcommand() {
        assertThat(UpstreamContracts.checkArgs(CliName.CODEX, List.of("exec", "a", "b")))
                .containsExactly("codex CLI accepts at most 1 positional argument with \"exec\", got 2");
        assertThat(UpstreamContracts.checkArgs(CliName.CODEX, List.of("exec", "resume", "id", "p"))).isEmpty();
        assertThat(UpstreamContracts.checkArgs(CliName.CODEX, List.of("exec", "resume", "a", "b", "c")))
                .containsExactly("codex CLI accepts at most 2 positional arguments with \"exec resume\", got 3");
        assertThat(UpstreamContracts.checkArgs(CliName.CLAUDE, List.of("-p", "x", "stray")))
                .containsExactly("claude CLI accepts at most 1 positional argument, got 2");
    }

    @Test
    void valueOfAOneArityFlagMayStartWithADash() {
        assertThat(UpstreamContracts.checkArgs(CliName.CLAUDE, List.of("-p", "x", "--model", "-m"))).isEmpty();
        assertThat(UpstreamContracts.checkArgs(CliName.GEMINI, List.of("-p=-starts with a dash"))).isEmpty();
    }

    @Test
    void claudesPromptIsAPositionalSoADashLeadingOneIsReadAsAFlagUnlessAfterTheDoubleDash() {
        assertThat(UpstreamContracts.checkArgs(CliName.CLAUDE, List.of("-p", "--dangerously-skip-permissions")))
                .contains("Unsupported claude CLI flag \"--dangerously-skip-permissions\" for bundled upstream contract");
        assertThat(UpstreamContracts.checkArgs(CliName.CLAUDE, List.of("-p", "--", "--dangerously-skip-permissions")))
                .isEmpty();
    }

    @Test
    void variadicFlagNeedsAtLeastOneValue() {
        assertThat(UpstreamContracts.checkArgs(CliName.CLAUDE, List.of("-p", "x", "--allowed-tools", "--continue")))
                .containsExactly("claude CLI flag \"--allowed-tools\" requires at least one value");
    }

    @Test
    void missingValueIsReported() {
        assertThat(UpstreamContracts.checkArgs(CliName.GROK, List.of("-p", "x", "--model")))
                .containsExactly("grok CLI flag \"--model\" requires a value");
    }

    @Test
    void patternsGuardNumbersAndOverrides() {
        assertThat(UpstreamContracts.checkArgs(CliName.CLAUDE, List.of("-p", "x", "--max-budget-usd", "1e3")))
                .containsExactly("Invalid value \"1e3\" for claude CLI flag \"--max-budget-usd\"; "
                        + "expected /^[0-9]+(?:\\.[0-9]+)?$/");
        assertThat(UpstreamContracts.checkArgs(CliName.CODEX, List.of("exec", "-c", "k=line\nbreak", "p")))
                .hasSize(1);
    }

    @Test
    void doubleDashEndsOptions() {
        assertThat(UpstreamContracts.checkArgs(CliName.CODEX, List.of("exec", "-i", "/a.png", "--", "-p"))).isEmpty();
    }

    @Test
    void envContractAllowsOnlyVibeActiveModel() {
        assertThatCode(() -> UpstreamContracts.assertEnv(CliName.MISTRAL, Map.of("VIBE_ACTIVE_MODEL", "devstral-medium")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> UpstreamContracts.assertEnv(CliName.MISTRAL, Map.of("VIBE_ACTIVE_MODEL", "two words")))
                .hasMessageStartingWith("Upstream mistral CLI environment contract violation: Invalid value for "
                        + "mistral CLI environment variable \"VIBE_ACTIVE_MODEL\"");
        assertThatThrownBy(() -> UpstreamContracts.assertEnv(CliName.CLAUDE, Map.of("VIBE_ACTIVE_MODEL", "x")))
                .hasMessage("Upstream claude CLI environment contract violation: Unsupported claude CLI environment "
                        + "variable \"VIBE_ACTIVE_MODEL\" for bundled upstream contract");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportHasTheDocumentedShape() {
        Map<String, Object> report = ContractReport.build(Optional.empty(), Optional.empty(),
                Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(report).containsEntry("schemaVersion", "upstream-cli-contracts.v1")
                .containsEntry("generatedAt", "2026-01-02T03:04:05Z").containsEntry("installedProbe", null);
        Map<String, Object> contracts = (Map<String, Object>) report.get("contracts");
        assertThat(contracts).containsOnlyKeys("claude", "codex", "gemini", "grok", "mistral");
        Map<String, Object> codex = (Map<String, Object>) contracts.get("codex");
        assertThat(codex).containsKeys("executable", "upstream", "command", "helpArgs", "mcpTools", "mcpParameters",
                "flags", "env", "maxPositionals", "resumeMaxPositionals", "resumeOnlyFlags", "resumeForbiddenFlags",
                "conformanceFixtures");
        assertThat(codex).containsEntry("command", "exec").containsEntry("maxPositionals", 1)
                .containsEntry("resumeMaxPositionals", 2).containsEntry("resumeOnlyFlags", List.of("--last"));
        assertThat((List<String>) codex.get("resumeForbiddenFlags"))
                .containsExactlyInAnyOrder("--sandbox", "--output-schema", "--profile", "-c", "--add-dir");
        assertThat((List<String>) codex.get("mcpTools")).contains("codex_fork_session");
        Map<String, Object> flags = (Map<String, Object>) ((Map<String, Object>) contracts.get("claude")).get("flags");
        assertThat((Map<String, Object>) flags.get("--effort")).containsEntry("arity", "one")
                .containsEntry("values", List.of("low", "medium", "high", "xhigh", "max")).containsEntry("pattern", null);
        Map<String, Object> mistral = (Map<String, Object>) contracts.get("mistral");
        assertThat(mistral).containsEntry("executable", "vibe").containsEntry("command", null)
                .containsEntry("resumeMaxPositionals", null);
        assertThat((Map<String, Object>) mistral.get("env")).containsOnlyKeys("VIBE_ACTIVE_MODEL");
        Map<String, Object> first = ((List<Map<String, Object>>) codex.get("conformanceFixtures")).get(0);
        assertThat(first).containsKeys("id", "description", "expect");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportForOneCliHasOnlyThatContract() {
        Map<String, Object> report = ContractReport.build(Optional.of(CliName.GROK), Optional.empty(), Instant.now());
        assertThat((Map<String, Object>) report.get("contracts")).containsOnlyKeys("grok");
    }
}
