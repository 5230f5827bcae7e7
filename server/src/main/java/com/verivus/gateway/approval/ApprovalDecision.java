package com.verivus.gateway.approval;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** One decision of the approval gate, as written to approvals.jsonl and returned to the client. */
@JsonPropertyOrder({"id", "ts", "status", "policy", "cli", "operation", "score", "reasons", "promptPreview",
        "promptSha256", "requestedMcpServers", "bypassRequested", "fullAuto", "metadata", "reviewIntegrity"})
public record ApprovalDecision(String id, String ts, String status, String policy, String cli, String operation,
                               int score, List<String> reasons, String promptPreview, String promptSha256,
                               List<String> requestedMcpServers, boolean bypassRequested, boolean fullAuto,
                               Map<String, Object> metadata, ReviewIntegrity.Result reviewIntegrity) {

    public static final String APPROVED = "approved";
    public static final String DENIED = "denied";

    public boolean approved() {
        return APPROVED.equals(status);
    }
}
