package com.verivus.gateway.provider.mistral;

import com.verivus.gateway.provider.Keys;

/** mistral_request permissionMode = the vibe agent profile passed as --agent. */
public enum MistralPermissionMode {
    DEFAULT("default"), PLAN("plan"), ACCEPT_EDITS("accept-edits"), AUTO_APPROVE("auto-approve"), CHAT("chat"),
    EXPLORE("explore"), LEAN("lean");

    private final String key;

    MistralPermissionMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static MistralPermissionMode fromKey(String key) {
        return Keys.parse(MistralPermissionMode.class, key, MistralPermissionMode::key, "permissionMode");
    }
}
