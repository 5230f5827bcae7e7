package com.verivus.gateway.provider.claude;

import com.verivus.gateway.provider.Keys;

/** claude_request outputFormat. */
public enum ClaudeOutputFormat {
    TEXT("text"), JSON("json"), STREAM_JSON("stream-json");

    private final String key;

    ClaudeOutputFormat(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ClaudeOutputFormat fromKey(String key) {
        return Keys.parse(ClaudeOutputFormat.class, key, ClaudeOutputFormat::key, "outputFormat");
    }
}
