package com.verivus.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliVersionTest {

    /** What codex 0.171.0 prints for --version with HOME under /tmp: the warning on stderr comes first. */
    private static final String CODEX_WARNING = "WARNING: proceeding, even though we could not create PATH aliases: "
            + "Refusing to create helper binaries under temporary dir \"/tmp\" (codex_home: "
            + "AbsolutePathBuf(\"/tmp/h/.codex\"))\n";

    @Test
    void aWarningOnStderrIsNeverTakenForTheVersion() {
        assertThat(CliVersion.parse("codex-cli 0.171.0\n", CODEX_WARNING)).hasValue("codex-cli 0.171.0");
    }

    @Test
    void aVersionLineWinsOverNoiseOnTheSameStream() {
        assertThat(CliVersion.parse("Warning: 2.0 config is deprecated\n\n2.1.197 (Claude Code)\n", ""))
                .hasValue("2.1.197 (Claude Code)");
        assertThat(CliVersion.parse("", "gemini 0.61.0\n")).hasValue("gemini 0.61.0");
    }

    @Test
    void withoutADottedNumberTheFirstLineIsKept() {
        assertThat(CliVersion.parse("\n  dev build\n", "oops")).hasValue("dev build");
        assertThat(CliVersion.parse("", "  only stderr\n")).hasValue("only stderr");
        assertThat(CliVersion.parse("", "")).isEmpty();
    }
}
