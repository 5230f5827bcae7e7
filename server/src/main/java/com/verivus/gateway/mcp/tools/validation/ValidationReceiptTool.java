package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.changereview.ReceiptLookup;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code validation_receipt}: reads a review_changes receipt back and checks it. */
public final class ValidationReceiptTool implements GatewayTool {

    private final ReceiptLookup lookup;

    public ValidationReceiptTool(ReceiptLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "validation_receipt";
    }

    @Override
    public String description() {
        return "Read the immutable receipt of a review_changes run: the SHA-256 of the change set reviewed, base and "
                + "head commits, what was included, and for each reviewer and the judge the provider, CLI version, "
                + "job id, status, output hash and timestamps. Says whether the stored receipt is intact, and, given "
                + "artifactSha256, whether the review covered exactly that change set.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("id", "The receiptId (or review-receipt://<id> URI) that review_changes returned.",
                        p -> p.required().length(1, 200))
                .string("artifactSha256", "Optional: a change-set hash to compare with the one the receipt covers.",
                        p -> p.length(64, 64))
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return ChangeReviewSchemas.validationReceipt();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        Map<String, Object> body = new LinkedHashMap<>(lookup.read(call.requiredString("id")));
        Object covered = ((Map<?, ?>) body.get("receipt")).get("artifactSha256");
        body.put("artifactMatches", call.string("artifactSha256").map(h -> h.equalsIgnoreCase(String.valueOf(covered)))
                .orElse(null));
        return ToolResults.structured(ToolResults.pretty(body), body, false);
    }
}
