package com.verivus.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The logged-out answers as today's CLIs print them (captured with an empty HOME; see fake-cli/README.md). */
class LoginRequiredTest {

    @Test
    void theCliOwnAnswersMarkThemLoggedOut() {
        assertThat(LoginRequired.cliAnswered(CliName.CLAUDE, "Not logged in \u00b7 Please run /login\n", "")).isTrue();
        assertThat(LoginRequired.cliAnswered(CliName.CLAUDE, "{\"type\":\"result\",\"is_error\":true,\"result\":"
                + "\"Not logged in \u00b7 Please run /login\"}\n", "")).isTrue();
        assertThat(LoginRequired.cliAnswered(CliName.CODEX, "", "WARNING: proceeding\nNot logged in\n")).isTrue();
        assertThat(LoginRequired.cliAnswered(CliName.GEMINI, "", "Please set an Auth method in your "
                + "/home/u/.gemini/settings.json or specify one of the following environment variables")).isTrue();
    }

    @Test
    void anAgentThatMetA401IsNotALoggedOutCliButStillGetsTheAdvice() {
        String answer = "The deploy failed: the registry said 401 Unauthorized.\n";
        assertThat(LoginRequired.cliAnswered(CliName.CLAUDE, answer, "")).isFalse();
        assertThat(LoginRequired.cliAnswered(CliName.GROK, "Not logged in\n", "")).isFalse();
        assertThat(LoginRequired.hint(CliName.CLAUDE, answer)).hasValueSatisfying(h ->
                assertThat(h).contains("claude auth login"));
        assertThat(LoginRequired.hint(CliName.CLAUDE, "fake claude failure")).isEmpty();
    }
}
