package com.verivus.gateway.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractViolationExceptionTest {

    @Test
    void aContractRefusalIsPassedOnAsItIs() {
        ContractViolationException own = ContractViolationException.of(CliName.CODEX, "contract ", List.of("--bad"));
        assertThat(ContractViolationException.refused(CliName.CODEX, own)).isSameAs(own);
        assertThat(own.getMessage()).isEqualTo("Upstream codex CLI contract violation: --bad");
    }

    @Test
    void anyOtherFailureOfTheCheckSaysWhichCliContractItBroke() {
        ContractViolationException e = ContractViolationException.refused(CliName.GEMINI,
                new IllegalArgumentException("unknown flag --x"));
        assertThat(e.getMessage()).isEqualTo("Upstream gemini CLI contract violation: unknown flag --x");
        assertThat(e.cli()).isEqualTo(CliName.GEMINI);
        assertThat(e.violations()).containsExactly("unknown flag --x");
        assertThat(ContractViolationException.refused(CliName.GEMINI,
                new IllegalStateException("Upstream gemini CLI environment contract violation: X")).getMessage())
                .isEqualTo("Upstream gemini CLI environment contract violation: X");
    }
}
