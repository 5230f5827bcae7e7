package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.tools.WorkspaceParameters;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.validation.ValidationIntent;
import com.verivus.gateway.validation.ValidationOrchestrator;
import com.verivus.gateway.validation.ValidationRequest;
import com.verivus.gateway.validation.WaitBudget;

/** {@code validate_with_models}: independent validation of a question by several providers, optionally judged. */
public final class ValidateWithModelsTool extends ValidationRunTool {

    public ValidateWithModelsTool(ValidationOrchestrator orchestrator, WaitBudget wait, WorkspaceParameters workspace) {
        super(orchestrator, wait, workspace);
    }

    @Override
    public String name() {
        return "validate_with_models";
    }

    @Override
    public String description() {
        return "Ask two or more provider CLIs to independently validate a question or piece of content; each answers "
                + "with Verdict, Rationale, Risks and Suggested next step. With judgeModel, a judge provider then "
                + "synthesizes the completed answers." + waitNote();
    }

    @Override
    InputSchema ownSchema() {
        InputSchema.Builder b = InputSchema.builder()
                .string("question", "Question or content to validate (up to 100000 characters).", requiredText());
        return models(b, "Providers to ask (claude, codex, gemini, grok, mistral).")
                .string("focus", "What reviewers should pay attention to.",
                        p -> p.defaultValue(ValidationRequest.DEFAULT_FOCUS))
                .enumeration("judgeModel", "Optional provider that runs an explicit judge job over the completed "
                        + "answers once all providers finished (within the same wait).", CliName.keys())
                .build();
    }

    @Override
    ValidationRequest request(ToolCall call) {
        return new ValidationRequest(ValidationIntent.VALIDATE, call.requiredString("question"), null,
                call.string("focus").orElse(ValidationRequest.DEFAULT_FOCUS), null, providers(call, "models"),
                call.string("judgeModel").map(ValidationRunTool::provider).orElse(null));
    }
}
