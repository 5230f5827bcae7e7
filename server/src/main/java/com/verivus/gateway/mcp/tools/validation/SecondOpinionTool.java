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

/** {@code second_opinion}: one provider reviews an answer. */
public final class SecondOpinionTool extends ValidationRunTool {

    public SecondOpinionTool(ValidationOrchestrator orchestrator, WaitBudget wait, WorkspaceParameters workspace) {
        super(orchestrator, wait, workspace);
    }

    @Override
    public String name() {
        return "second_opinion";
    }

    @Override
    public String description() {
        return "Ask one provider CLI to review an answer (optionally with the question it answers) and give a "
                + "verdict, rationale and risks." + waitNote();
    }

    @Override
    InputSchema ownSchema() {
        return InputSchema.builder()
                .string("answer", "The answer to review (up to 100000 characters).", requiredText())
                .string("question", "The original question, if available.",
                        p -> p.length(null, MAX_TEXT).message("maxLength", TOO_LONG))
                .enumeration("model", "Provider that gives the second opinion (its CLI's default model).",
                        CliName.keys(), "codex")
                .build();
    }

    @Override
    ValidationRequest request(ToolCall call) {
        return new ValidationRequest(ValidationIntent.SECOND_OPINION, call.string("question").orElse(null),
                call.requiredString("answer"), null, null, List.of(provider(call.string("model").orElse("codex"))),
                null);
    }
}
