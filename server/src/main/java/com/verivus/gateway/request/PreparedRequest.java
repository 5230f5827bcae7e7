package com.verivus.gateway.request;

import com.verivus.gateway.approval.ApprovalDecision;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.approval.ReviewIntegrity;

/**
 * A request after preparation: the model resolved, the prompt checked and possibly optimised, the
 * run prepared by the adapter and, for mcp_managed requests, the approval decided. Nothing has been
 * spawned or recorded yet.
 *
 * @param call the call as sent (optimised prompt, resolved model)
 * @param resolvedModel null when the CLI chooses its model
 * @param approval null when no approval decision was made (legacy strategy, or a tool without approval)
 * @param startNanos System.nanoTime() when the request arrived; durations are measured from it
 * @param requestId this request's own id (its flight-recorder row); the correlation id is the caller's label
 */
public record PreparedRequest(RequestSpec spec, ProviderCall call, PreparedRun run, String resolvedModel,
                              ReviewIntegrity.Result review, ApprovalDecision approval, boolean promptOptimized,
                              long startNanos, String requestId) {

    public String correlationId() {
        return call.shared().correlationId();
    }

    public CliName cli() {
        return call.cli();
    }

    public String operation() {
        return spec.operation();
    }

    public CliInvocation invocation() {
        return run.invocation();
    }

    /** The output format of the run's stdout (null = the CLI's default text). */
    public String outputFormat() {
        return run.invocation().outputFormat();
    }

    public boolean denied() {
        return approval != null && !approval.approved();
    }

    /** The same request running another invocation (tests use it for limits the tool bounds forbid). */
    public PreparedRequest withInvocation(CliInvocation invocation) {
        return new PreparedRequest(spec, call, new PreparedRun(invocation, run.session(), run.mcpServers(),
                run.warnings()), resolvedModel, review, approval, promptOptimized, startNanos, requestId);
    }

    /** The same request with another session plan (one that joined a deduplicated run). */
    public PreparedRequest withSession(SessionPlan session) {
        return new PreparedRequest(spec, call, new PreparedRun(run.invocation(), session, run.mcpServers(),
                run.warnings()), resolvedModel, review, approval, promptOptimized, startNanos, requestId);
    }

    long elapsedMs() {
        return Math.max(0, (System.nanoTime() - startNanos) / 1_000_000);
    }
}
