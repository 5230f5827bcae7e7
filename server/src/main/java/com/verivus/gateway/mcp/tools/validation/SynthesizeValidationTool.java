package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.InvalidArgumentsException;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.mcp.tools.WorkspaceParameters;
import java.nio.file.Path;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.contract.ContractViolationException;
import com.verivus.gateway.validation.NormalizedResult;
import com.verivus.gateway.validation.SynthesisRun;
import com.verivus.gateway.validation.ValidationOrchestrator;
import com.verivus.gateway.validation.ValidationProgress;
import com.verivus.gateway.validation.WaitBudget;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code synthesize_validation}: an explicit judge job over provider results. Results that carry a
 * job of this gateway are re-read first (and waited for, bounded), so results copied from a report
 * whose jobs were still running need no polling by the caller.
 */
public final class SynthesizeValidationTool implements GatewayTool {

    private final ValidationOrchestrator orchestrator;
    private final WaitBudget wait;
    private final WorkspaceParameters workspace;

    public SynthesizeValidationTool(ValidationOrchestrator orchestrator, WaitBudget wait, WorkspaceParameters workspace) {
        this.orchestrator = orchestrator;
        this.wait = wait;
        this.workspace = workspace;
    }

    @Override
    public String name() {
        return "synthesize_validation";
    }

    @Override
    public String description() {
        String bound = wait.limit() == null ? "until they finish" : "up to " + wait.limit().toMillis() + " ms";
        return "Run an explicit judge model over provider results (the 'results' of a validate_with_models, "
                + "second_opinion, red_team_review, consensus_check or ask_model report) to get a synthesis that keeps "
                + "disagreement visible. Results with a rawJobReference are re-read from their jobs first; jobs still "
                + "running are waited for " + bound + " (SYNC_DEADLINE_MS), with progress notifications. The judge "
                + "sees only completed results; it is skipped when none completed or its CLI is not installed, and "
                + "reported running (collect with job_result) if it does not finish in time.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("question", "The original request that was validated.", p -> p.required().length(1, null))
                .objectArray("providerResults", "Normalized provider results, as the 'results' array of a validation "
                        + "report returned them.", ValidationSchemas.normalizedResultInput(),
                        p -> p.required().items(1, null))
                .enumeration("judgeModel", "Provider that runs the judge synthesis (its CLI's default model).",
                        CliName.keys(), "codex")
                .string("workingDir", WorkspaceParameters.WORKING_DIR_DESCRIPTION + " The judge runs there.")
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return ValidationSchemas.synthesizeValidation();
    }

    @Override
    public CallToolResult call(ToolCall call) {
        Path dir = workspace.workingDir(call);
        String question = call.requiredString("question");
        List<NormalizedResult> results = parse(call.raw("providerResults"));
        CliName judge = ValidationRunTool.provider(call.string("judgeModel").orElse("codex"));
        ValidationProgress progress = (done, total, message) -> call.progress().report(done, (double) total, message);
        SynthesisRun run;
        try {
            run = orchestrator.synthesize(question, results, judge, wait, progress, dir);
        } catch (ContractViolationException e) {
            return ToolResults.errorText(e.getMessage());
        }
        List<Object> current = new ArrayList<>();
        for (NormalizedResult r : run.providerResults()) {
            current.add(r.toMap());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("tool", name());
        body.put("readMostly", true);
        body.put("synthesis", run.synthesis().toMap());
        body.put("providerResults", current);
        return ToolResults.structured(text(run), body, false);
    }

    private static List<NormalizedResult> parse(Object raw) {
        List<NormalizedResult> out = new ArrayList<>();
        List<?> items = (List<?>) raw;
        for (int i = 0; i < items.size(); i++) {
            try {
                out.add(NormalizedResult.fromMap((Map<?, ?>) items.get(i), "providerResults[" + i + "]"));
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentsException(e.getMessage());
            }
        }
        return out;
    }

    private static String text(SynthesisRun run) {
        StringBuilder b = new StringBuilder(run.synthesis().describe());
        b.append("\n\nProvider results:");
        for (NormalizedResult r : run.providerResults()) {
            b.append("\n- ").append(r.provider().key()).append(": ").append(r.status().key());
            if (r.verdict() != null) {
                b.append(" verdict=").append(r.verdict());
            }
            if (r.jobId() != null) {
                b.append(" job=").append(r.jobId());
            }
        }
        return b.toString();
    }
}
