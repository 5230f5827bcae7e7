package com.verivus.gateway.provider;

/** How strict the gateway's MCP-managed approval is; carried through for the approval subsystem. */
public enum ApprovalPolicy {
    STRICT("strict"),
    BALANCED("balanced"),
    PERMISSIVE("permissive");

    private final String key;

    ApprovalPolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ApprovalPolicy fromKey(String key) {
        return Keys.parse(ApprovalPolicy.class, key, ApprovalPolicy::key, "approvalPolicy");
    }
}
