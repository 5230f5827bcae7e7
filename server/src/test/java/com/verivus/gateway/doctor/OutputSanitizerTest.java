package com.verivus.gateway.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputSanitizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Logged in as alice.smith+dev@example.co.uk | Logged in as <redacted-email>",
            "org 123E4567-e89b-12d3-a456-426614174000 ok | org <redacted-id> ok",
            "token=abc123 secret: xyz | token=<redacted> secret: <redacted>",
            "api_key=k1 API-KEY: k2 access_key=k3 password=p | api_key=<redacted> API-KEY: <redacted> access_key=<redacted> password=<redacted>",
            "{\"accessToken\": \"abcd\", \"ok\": true} | {\"accessToken\": \"<redacted>\", \"ok\": true}",
            "Authorization: Bearer abc.def | Authorization: Bearer <redacted>",
            "using Bearer abcdef123 now | using Bearer <redacted> now",
            "key sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAA end | key <redacted> end",
            "gemini AIzaSyA1234567890abcdefghij end | gemini <redacted> end",
            "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_nature ok | jwt <redacted> ok",
            "codex-cli 0.46.0 | codex-cli 0.46.0"})
    void redactsPersonalAndSecretValues(String raw, String expected) {
        assertThat(OutputSanitizer.sanitize(raw)).isEqualTo(expected);
    }

    @Test
    void firstLineSkipsBlankLinesAndSanitises() {
        assertThat(OutputSanitizer.firstLine("\n  \n  vibe 1.2.0 for bob@example.com \nsecond")).isEqualTo(
                "vibe 1.2.0 for <redacted-email>");
        assertThat(OutputSanitizer.firstLine(" \n ")).isNull();
    }

    @Test
    void excerptCutsLongOutput() {
        assertThat(OutputSanitizer.excerpt("x".repeat(50), 10)).isEqualTo("x".repeat(10) + "…");
    }
}
