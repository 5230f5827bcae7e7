package com.verivus.gateway.provider.grok;

import com.verivus.gateway.provider.Keys;

/** grok_request permissionMode. */
public enum GrokPermissionMode {
    DEFAULT("default"), ACCEPT_EDITS("acceptEdits"), AUTO("auto"), DONT_ASK("dontAsk"),
    BYPASS_PERMISSIONS("bypassPermissions"), PLAN("plan");

    private final String key;

    GrokPermissionMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static GrokPermissionMode fromKey(String key) {
        return Keys.parse(GrokPermissionMode.class, key, GrokPermissionMode::key, "permissionMode");
    }
}
