package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.validation.ValidationOrchestrator;
import com.verivus.gateway.validation.WaitBudget;
import java.util.List;

/** The validation tool family, registered always (with or without a job store). */
public final class ValidationTools {

    private ValidationTools() {
    }

    /**
     * The ten validation tools in the Node gateway's order: validate_with_models, second_opinion,
     * compare_answers, red_team_review, consensus_check, ask_model, synthesize_validation,
     * list_available_models (passed in: the models package owns it), job_status, job_result.
     */
    public static List<GatewayTool> create(ValidationOrchestrator orchestrator, WaitBudget wait,
                                           GatewayTool listAvailableModels) {
        return List.of(
                new ValidateWithModelsTool(orchestrator, wait),
                new SecondOpinionTool(orchestrator, wait),
                new CompareAnswersTool(),
                new RedTeamReviewTool(orchestrator, wait),
                new ConsensusCheckTool(orchestrator, wait),
                new AskModelTool(orchestrator, wait),
                new SynthesizeValidationTool(orchestrator, wait),
                listAvailableModels,
                new ValidationJobStatusTool(orchestrator.engine()),
                new ValidationJobResultTool(orchestrator.engine()));
    }
}
