package com.verivus.gateway.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How much risk an mcp_managed request may carry: a request is approved when its approval score is at most
 * the threshold. A request names one in approvalPolicy; LLM_GATEWAY_APPROVAL_POLICY sets the default.
 */
public enum ApprovalPolicy {
    STRICT("strict", 2),
    BALANCED("balanced", 5),
    PERMISSIVE("permissive", 7);

    private final String key;
    private final int threshold;

    ApprovalPolicy(String key, int threshold) {
        this.key = key;
        this.threshold = threshold;
    }

    public String key() {
        return key;
    }

    public int threshold() {
        return threshold;
    }

    /** A request's approvalPolicy: exactly a key, else invalid input naming the keys. */
    public static ApprovalPolicy fromKey(String key) {
        return Keys.parse(ApprovalPolicy.class, key, ApprovalPolicy::key, "approvalPolicy");
    }

    /**
     * The gateway's setting: any case, blanks around it ignored; empty when it names no policy (the caller
     * keeps its default rather than failing at start).
     */
    public static Optional<ApprovalPolicy> fromSetting(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.key.equals(wanted)).findFirst();
    }
}
