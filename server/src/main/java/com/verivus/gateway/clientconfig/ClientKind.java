package com.verivus.gateway.clientconfig;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The clients print-client-config knows, with the names the command line uses. */
public enum ClientKind {
    CLAUDE_CODE("claude-code"), CLAUDE_DESKTOP("claude-desktop"), CODEX("codex"), GEMINI_CLI("gemini-cli"),
    JSON("json");

    private final String option;

    ClientKind(String option) {
        this.option = option;
    }

    public String option() {
        return option;
    }

    public static Optional<ClientKind> fromOption(String value) {
        return Arrays.stream(values()).filter(k -> k.option.equals(value)).findFirst();
    }

    public static List<String> options() {
        return Arrays.stream(values()).map(ClientKind::option).toList();
    }
}
