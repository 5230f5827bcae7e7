package com.verivus.gateway.provider.codex;

import com.verivus.gateway.provider.Keys;

/** codex sandboxMode. */
public enum CodexSandboxMode {
    READ_ONLY("read-only"), WORKSPACE_WRITE("workspace-write"), DANGER_FULL_ACCESS("danger-full-access");

    private final String key;

    CodexSandboxMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static CodexSandboxMode fromKey(String key) {
        return Keys.parse(CodexSandboxMode.class, key, CodexSandboxMode::key, "sandboxMode");
    }
}
