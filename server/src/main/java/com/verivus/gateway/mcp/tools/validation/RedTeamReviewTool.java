package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.tools.WorkspaceParameters;
import com.verivus.gateway.validation.ValidationIntent;
import com.verivus.gateway.validation.ValidationOrchestrator;
import com.verivus.gateway.validation.ValidationRequest;
import com.verivus.gateway.validation.WaitBudget;

/** {@code red_team_review}: providers challenge a plan, answer or document. */
public final class RedTeamReviewTool extends ValidationRunTool {

    public RedTeamReviewTool(ValidationOrchestrator orchestrator, WaitBudget wait, WorkspaceParameters workspace) {
        super(orchestrator, wait, workspace);
    }

    @Override
    public String name() {
        return "red_team_review";
    }

    @Override
    public String description() {
        return "Have provider CLIs challenge a plan, answer or document for unsafe advice, unsupported claims, "
                + "wrong assumptions and likely failure modes." + waitNote();
    }

    @Override
    InputSchema ownSchema() {
        InputSchema.Builder b = InputSchema.builder()
                .string("content", "The plan, answer or document to challenge (up to 100000 characters).",
                        requiredText())
                .enumeration("riskLevel", "How aggressively to review: normal or high.",
                        ValidationSchemas.riskLevels(), "normal");
        return models(b, "Providers to ask for an adversarial review.").build();
    }

    @Override
    ValidationRequest request(ToolCall call) {
        return new ValidationRequest(ValidationIntent.RED_TEAM, null, call.requiredString("content"), null,
                call.string("riskLevel").orElse("normal"), providers(call, "models"), null);
    }
}
