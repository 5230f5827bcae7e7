package com.verivus.gateway.approval;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How much risk an mcp_managed request may carry: a request is approved when its score is at most the threshold. */
public enum ApprovalPolicy {
    STRICT(2), BALANCED(5), PERMISSIVE(7);

    private final int threshold;

    ApprovalPolicy(int threshold) {
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ApprovalPolicy> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(p -> p.key().equals(key.trim().toLowerCase(Locale.ROOT))).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ApprovalPolicy::key).toList();
    }
}
