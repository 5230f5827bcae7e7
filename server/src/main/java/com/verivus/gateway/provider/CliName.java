package com.verivus.gateway.provider;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The five CLIs the gateway drives: the provider key used in tool names and the executable spawned. */
public enum CliName {
    CLAUDE("claude", "claude", "Claude Code"),
    CODEX("codex", "codex", "Codex CLI"),
    GEMINI("gemini", "gemini", "Gemini CLI"),
    GROK("grok", "grok", "Grok CLI"),
    MISTRAL("mistral", "vibe", "Mistral Vibe CLI");

    private final String key;
    private final String executable;
    private final String displayName;

    CliName(String key, String executable, String displayName) {
        this.key = key;
        this.executable = executable;
        this.displayName = displayName;
    }

    /** claude, codex, gemini, grok, mistral: the name in tool names, job rows and sessions.json. */
    public String key() {
        return key;
    }

    /** The binary looked up on PATH (vibe for mistral). */
    public String executable() {
        return executable;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<CliName> fromKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }

    /** The provider keys in their canonical order, for enums in tool schemas. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(CliName::key).toList();
    }
}
