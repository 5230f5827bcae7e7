package com.verivus.gateway.provider.claude;

import com.verivus.gateway.provider.Keys;

/** claude_request permissionMode. DEFAULT means "pass nothing" (today's CLI calls that mode "manual"). */
public enum ClaudePermissionMode {
    DEFAULT("default"), ACCEPT_EDITS("acceptEdits"), PLAN("plan"), AUTO("auto"), DONT_ASK("dontAsk"),
    BYPASS_PERMISSIONS("bypassPermissions");

    private final String key;

    ClaudePermissionMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ClaudePermissionMode fromKey(String key) {
        return Keys.parse(ClaudePermissionMode.class, key, ClaudePermissionMode::key, "permissionMode");
    }
}
