package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.tools.WorkspaceParameters;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.validation.ValidationIntent;
import com.verivus.gateway.validation.ValidationOrchestrator;
import com.verivus.gateway.validation.ValidationRequest;
import com.verivus.gateway.validation.WaitBudget;
import java.util.List;

/** {@code ask_model}: one provider, the question as it is. */
public final class AskModelTool extends ValidationRunTool {

    public AskModelTool(ValidationOrchestrator orchestrator, WaitBudget wait, WorkspaceParameters workspace) {
        super(orchestrator, wait, workspace);
    }

    @Override
    public String name() {
        return "ask_model";
    }

    @Override
    public String description() {
        return "Ask one provider CLI a question as it is (no review headings added), through the validation "
                + "surface: the job is durable and the answer comes back normalized." + waitNote();
    }

    @Override
    InputSchema ownSchema() {
        return InputSchema.builder()
                .string("question", "The question for the provider, sent unchanged (up to 100000 characters).",
                        requiredText())
                .enumeration("model", "Provider to ask (its CLI's default model).", CliName.keys(), "claude")
                .build();
    }

    @Override
    ValidationRequest request(ToolCall call) {
        return new ValidationRequest(ValidationIntent.ASK_MODEL, call.requiredString("question"), null, null, null,
                List.of(provider(call.string("model").orElse("claude"))), null);
    }
}
