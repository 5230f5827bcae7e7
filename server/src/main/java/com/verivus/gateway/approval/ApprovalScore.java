package com.verivus.gateway.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The risk score of a request and the reasons behind each point. */
public record ApprovalScore(int score, List<String> reasons) {

    private static final Pattern SENSITIVE = Pattern.compile(
            "\\b(delete|destroy|wipe|exfiltrate|credential|token|password|secret)\\b", Pattern.CASE_INSENSITIVE);

    public ApprovalScore {
        reasons = List.copyOf(reasons);
    }

    public static ApprovalScore of(ApprovalRequest request, ReviewIntegrity.Result integrity) {
        int score = 0;
        List<String> reasons = new ArrayList<>();
        if (request.bypassRequested()) {
            score += 3;
            reasons.add("Request includes full permission bypass");
        }
        if (request.fullAuto()) {
            score += 2;
            reasons.add("Request enables full-auto execution");
        }
        if (request.bypassRequested() && request.fullAuto()) {
            score += 2;
            reasons.add("Permission bypass combined with full-auto execution");
        }
        if (request.mcpServers().contains("exa")) {
            score += 2;
            reasons.add("Requests the exa MCP server (external web search)");
        }
        if (request.mcpServers().contains("ref_tools")) {
            score += 1;
            reasons.add("Requests the ref_tools MCP server (external documentation lookup)");
        }
        if (request.allowedTools() != null && request.allowedTools().isEmpty()) {
            if (integrity.isReviewContext()) {
                score += 6;
                reasons.add("Review request grants no tools (empty allowedTools)");
            } else {
                reasons.add("No tool permissions requested");
            }
        }
        if (request.disallowedTools() != null && !request.disallowedTools().isEmpty()) {
            boolean critical = integrity.violations().stream()
                    .anyMatch(v -> v.type().equals(ReviewIntegrity.CRITICAL_TOOLS_DISALLOWED));
            if (critical) {
                score += 6;
                reasons.add("Review request disallows tools a reviewer needs (Read, Grep, Glob or Bash)");
            }
        }
        if (request.prompt() != null && SENSITIVE.matcher(request.prompt()).find()) {
            score += 3;
            reasons.add("Prompt mentions destructive or secret-handling operations");
        }
        for (ReviewIntegrity.Violation v : integrity.violations()) {
            if (!v.type().equals(ReviewIntegrity.EMPTY_ALLOWED_TOOLS)
                    && !v.type().equals(ReviewIntegrity.CRITICAL_TOOLS_DISALLOWED)) {
                score += v.score();
                reasons.add("Review integrity: " + v.type() + " (" + v.detail() + ")");
            }
        }
        return new ApprovalScore(score, reasons);
    }
}
