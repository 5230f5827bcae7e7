package com.verivus.gateway.provider.codex;

import com.verivus.gateway.provider.Keys;

/** codex_request outputFormat: text, or json (= --json, JSONL events). */
public enum CodexOutputFormat {
    TEXT("text"), JSON("json");

    private final String key;

    CodexOutputFormat(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static CodexOutputFormat fromKey(String key) {
        return Keys.parse(CodexOutputFormat.class, key, CodexOutputFormat::key, "outputFormat");
    }
}
