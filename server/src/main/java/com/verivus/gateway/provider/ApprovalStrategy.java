package com.verivus.gateway.provider;

/** Who approves tool use: the CLI's own prompts (legacy) or the gateway's approval policy (mcp_managed). */
public enum ApprovalStrategy {
    LEGACY("legacy"),
    MCP_MANAGED("mcp_managed");

    private final String key;

    ApprovalStrategy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static ApprovalStrategy fromKey(String key) {
        return Keys.parse(ApprovalStrategy.class, key, ApprovalStrategy::key, "approvalStrategy");
    }
}
