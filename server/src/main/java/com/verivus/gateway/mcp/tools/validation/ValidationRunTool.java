package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.mcp.tools.WorkspaceParameters;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.contract.ContractViolationException;
import com.verivus.gateway.validation.ValidationOrchestrator;
import com.verivus.gateway.validation.ValidationProgress;
import com.verivus.gateway.validation.ValidationRequest;
import com.verivus.gateway.validation.ValidationRun;
import com.verivus.gateway.validation.WaitBudget;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The tools that run a validation (validate_with_models, second_opinion, red_team_review,
 * consensus_check, ask_model). They wait for their provider jobs — bounded like the sync request
 * tools, with a progress notification per finished provider — because a report of answers is what
 * a model can act on, while the Node gateway's immediate "running" reply left it to poll every job
 * itself. Whatever is still running at the deadline is reported as running, with its job id.
 *
 * <p>Text content: the human-readable report; structuredContent: the whole body.
 */
abstract class ValidationRunTool implements GatewayTool {

    static final int MAX_TEXT = 100_000;
    static final String TOO_LONG = "Prompt too long (max 100k chars)";
    static final List<String> DEFAULT_MODELS = List.of("claude", "codex");

    private final ValidationOrchestrator orchestrator;
    private final WaitBudget wait;
    private final WorkspaceParameters workspace;

    ValidationRunTool(ValidationOrchestrator orchestrator, WaitBudget wait, WorkspaceParameters workspace) {
        this.orchestrator = orchestrator;
        this.wait = wait;
        this.workspace = workspace;
    }

    /** The run the call asks for. */
    abstract ValidationRequest request(ToolCall call);

    /** The tool's own parameters; {@link #inputSchema} adds workingDir. */
    abstract InputSchema ownSchema();

    @Override
    public final InputSchema inputSchema() {
        return InputSchema.builder().include(ownSchema()).string("workingDir", WorkspaceParameters.WORKING_DIR_DESCRIPTION
                + " Every provider (and the judge) runs there.").build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        return ValidationSchemas.runTool(name());
    }

    @Override
    public CallToolResult call(ToolCall call) {
        // the directory first: a refused or missing one is an error before any provider starts
        ValidationRequest request = request(call).inDirectory(workspace.workingDir(call));
        ValidationProgress progress = (done, total, message) -> call.progress().report(done, (double) total, message);
        ValidationRun run;
        try {
            run = orchestrator.run(request, wait, progress);
        } catch (ContractViolationException e) {
            return ToolResults.errorText(e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("tool", name());
        body.put("readMostly", true);
        body.put("report", run.toMap());
        return ToolResults.structured(run.report().humanReadable(), body, false);
    }

    /** How the tool waits, for its description. */
    final String waitNote() {
        String bound = wait.limit() == null ? "until every provider has finished (SYNC_DEADLINE_MS=0)"
                : "up to " + wait.limit().toMillis() + " ms (SYNC_DEADLINE_MS)";
        return " Waits for the providers " + bound + ", sending a progress notification as each finishes, and returns "
                + "one normalized answer per provider (verdict, rationale, risks) with a report: disagreement kept "
                + "visible, a recommendation and a confidence (none/low/medium/high). Providers whose CLI is not "
                + "installed are reported as skipped. Providers still running at the deadline are reported as "
                + "running with their jobId: poll job_status, collect with job_result, and pass the "
                + "results to synthesize_validation for a judge.";
    }

    static Consumer<InputSchema.ParamSpec> requiredText() {
        return p -> p.required().length(1, MAX_TEXT).message("maxLength", TOO_LONG);
    }

    static InputSchema.Builder models(InputSchema.Builder b, String description) {
        return b.stringArray("models", description + " Each provider runs its CLI's default model. Defaults to "
                + "claude and codex.", p -> p.allowed(CliName.keys()).items(1, null).defaultValue(DEFAULT_MODELS));
    }

    static List<CliName> providers(ToolCall call, String name) {
        return call.strings(name).orElse(DEFAULT_MODELS).stream().map(ValidationRunTool::provider).toList();
    }

    static CliName provider(String key) {
        return CliName.fromKey(key).orElseThrow(() -> new IllegalArgumentException("unknown provider " + key));
    }
}
