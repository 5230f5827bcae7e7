package com.verivus.gateway.provider.gemini;

import com.verivus.gateway.provider.Keys;

/** gemini approvalMode. */
public enum GeminiApprovalMode {
    DEFAULT("default"), AUTO_EDIT("auto_edit"), YOLO("yolo"), PLAN("plan");

    private final String key;

    GeminiApprovalMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static GeminiApprovalMode fromKey(String key) {
        return Keys.parse(GeminiApprovalMode.class, key, GeminiApprovalMode::key, "approvalMode");
    }
}
