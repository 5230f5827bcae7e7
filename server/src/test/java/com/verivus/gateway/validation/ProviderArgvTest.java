package com.verivus.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation argv per CLI, held to the same upstream contract as the request tools (§14.14). */
class ProviderArgvTest {

    @Test
    void everyCliButCodexTakesThePromptAsTheValueOfDashP() {
        assertThat(ProviderArgv.of(CliName.CLAUDE, "hi")).containsExactly("-p", "hi");
        assertThat(ProviderArgv.of(CliName.GEMINI, "hi")).containsExactly("-p", "hi");
        assertThat(ProviderArgv.of(CliName.GROK, "hi")).containsExactly("-p", "hi");
        assertThat(ProviderArgv.of(CliName.MISTRAL, "hi")).containsExactly("-p", "hi");
        assertThat(ProviderArgv.of(CliName.CODEX, "hi")).containsExactly("exec", "--skip-git-repo-check", "hi");
    }

    @Test
    void theInvocationCarriesNoEnvNoFormatNoIdleTimeoutAndMayBeDeduplicated() {
        CliInvocation inv = ProviderArgv.invocation(CliName.MISTRAL, "p");
        assertThat(inv.cli().executable()).isEqualTo("vibe");
        assertThat(inv.env()).isEmpty();
        assertThat(inv.outputFormat()).isNull();
        assertThat(inv.idleTimeoutMs()).isNull();
        assertThat(inv.continuesConversation()).isFalse();
    }

    @Test
    void everyValidationArgvPassesTheContractAndTheNodeGatewaysPositionalGeminiPromptWouldNot() {
        for (CliName cli : CliName.values()) {
            UpstreamContractStandIn.check(cli, ProviderArgv.of(cli, "You are one independent reviewer"));
            UpstreamContractStandIn.check(cli, ProviderArgv.of(cli, "You are the explicit judge model"));
        }
        assertThatThrownBy(() -> UpstreamContractStandIn.check(CliName.GEMINI, List.of("a positional prompt")))
                .hasMessageContaining("1 positional argument(s), at most 0 allowed");
    }

    @Test
    void aPromptStartingWithADashIsTheValueOfDashPButAFlagToCodex() {
        UpstreamContractStandIn.check(CliName.CLAUDE, ProviderArgv.of(CliName.CLAUDE, "--help me"));
        assertThatThrownBy(() -> UpstreamContractStandIn.check(CliName.CODEX, ProviderArgv.of(CliName.CODEX, "--help me")))
                .hasMessageContaining("Unsupported codex CLI flag \"--help me\"");
    }
}
