package com.verivus.gateway.provider.codex;

import com.verivus.gateway.provider.Keys;

/** codex askForApproval. Today's Codex no longer accepts "untrusted"; the adapter refuses it with a clear message. */
public enum CodexApprovalPolicy {
    UNTRUSTED("untrusted"), ON_REQUEST("on-request"), NEVER("never");

    private final String key;

    CodexApprovalPolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static CodexApprovalPolicy fromKey(String key) {
        return Keys.parse(CodexApprovalPolicy.class, key, CodexApprovalPolicy::key, "askForApproval");
    }
}
