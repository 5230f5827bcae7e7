package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.tools.WorkspaceParameters;
import com.verivus.gateway.validation.ValidationIntent;
import com.verivus.gateway.validation.ValidationOrchestrator;
import com.verivus.gateway.validation.ValidationRequest;
import com.verivus.gateway.validation.WaitBudget;

/** {@code consensus_check}: do the providers agree with a claim? */
public final class ConsensusCheckTool extends ValidationRunTool {

    public ConsensusCheckTool(ValidationOrchestrator orchestrator, WaitBudget wait, WorkspaceParameters workspace) {
        super(orchestrator, wait, workspace);
    }

    @Override
    public String name() {
        return "consensus_check";
    }

    @Override
    public String description() {
        return "Ask provider CLIs whether a claim is true, false, uncertain or context-dependent; the report says "
                + "whether their verdicts agree." + waitNote();
    }

    @Override
    InputSchema ownSchema() {
        InputSchema.Builder b = InputSchema.builder()
                .string("claim", "The claim to check across providers (up to 100000 characters).", requiredText());
        return models(b, "Providers to ask for agreement or disagreement.").build();
    }

    @Override
    ValidationRequest request(ToolCall call) {
        return new ValidationRequest(ValidationIntent.CONSENSUS, null, call.requiredString("claim"), null, null,
                providers(call, "models"), null);
    }
}
