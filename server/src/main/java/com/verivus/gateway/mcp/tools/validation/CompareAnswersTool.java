package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code compare_answers}: a local checklist for comparing answers the caller already has; no provider is called. */
public final class CompareAnswersTool implements GatewayTool {

    static final List<String> CHECKS = List.of("agreement", "contradictions", "missing evidence",
            "actionable recommendation");

    @Override
    public String name() {
        return "compare_answers";
    }

    @Override
    public String description() {
        return "Compare two or more answers you already have, LOCALLY: returns the checklist to compare them by "
                + "(agreement, contradictions, missing evidence, actionable recommendation). Calls no provider; use "
                + "validate_with_models when independent provider review is needed.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("question", "The question the answers respond to.", p -> p.required().length(1, null))
                .stringArray("answers", "Two or more answers to compare (each non-empty).",
                        p -> p.required().items(2, null).length(1, null))
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return ValidationSchemas.compareAnswers();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("question", call.requiredString("question"));
        comparison.put("answerCount", call.strings("answers").orElse(List.of()).size());
        comparison.put("checks", CHECKS);
        comparison.put("status", "local_summary_only");
        comparison.put("note", "Use validate_with_models when independent provider review is needed.");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("tool", name());
        body.put("readMostly", true);
        body.put("comparison", comparison);
        return ToolResults.structured(ToolResults.pretty(body), body, false);
    }
}
