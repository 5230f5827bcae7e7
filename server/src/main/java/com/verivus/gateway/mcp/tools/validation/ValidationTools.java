package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.tools.WorkspaceParameters;
import com.verivus.gateway.workspace.AllowedRoots;
import com.verivus.gateway.workspace.WorkingDirectoryPolicy;
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
        return create(orchestrator, wait, listAvailableModels,
                new WorkspaceParameters(new WorkingDirectoryPolicy(AllowedRoots.NONE)));
    }

    /** As above, with the workspace policy that checks each call's workingDir. */
    public static List<GatewayTool> create(ValidationOrchestrator orchestrator, WaitBudget wait,
                                           GatewayTool listAvailableModels, WorkspaceParameters workspace) {
        return List.of(
                new ValidateWithModelsTool(orchestrator, wait, workspace),
                new SecondOpinionTool(orchestrator, wait, workspace),
                new CompareAnswersTool(),
                new RedTeamReviewTool(orchestrator, wait, workspace),
                new ConsensusCheckTool(orchestrator, wait, workspace),
                new AskModelTool(orchestrator, wait, workspace),
                new SynthesizeValidationTool(orchestrator, wait, workspace),
                listAvailableModels,
                new ValidationJobStatusTool(orchestrator.engine()),
                new ValidationJobResultTool(orchestrator.engine()));
    }
}
