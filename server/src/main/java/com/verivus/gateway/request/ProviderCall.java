package com.verivus.gateway.request;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.ProviderRequestException;
import com.verivus.gateway.provider.SessionPlan;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.session.SessionStore;
import java.util.Optional;

/**
 * One provider request as a tool parsed it, wrapping the adapter's request record. The pipeline
 * swaps in the prompt the CLI should get and the resolved model ({@link #with}), then lets the
 * adapter prepare the run.
 *
 * <p>Everything the pipeline, the reply bodies and the session bookkeeping do differently for one CLI
 * is asked of the call here (the defaults are what most CLIs do), so {@code request/} reaches a CLI's own
 * package only from its {@code *Call} records (and {@link CodexThreads}, which the two Codex calls share).
 */
public sealed interface ProviderCall permits ClaudeCall, CodexCall, CodexForkCall, GeminiCall, GrokCall, MistralCall {

    CliName cli();

    /** The §1.1 fields of the request. */
    SharedRequest shared();

    /** The same request with another shared block (optimised prompt, resolved model). */
    ProviderCall with(SharedRequest shared);

    /**
     * The adapter's {@code prepare}: validation, MCP config (Claude), session plan, contract-checked argv.
     * Reads the CLI's active session where the adapter needs it.
     */
    PreparedRun prepare(SessionStore sessions, PrepareContext ctx);

    /** The per-CLI inputs of the approval gate (§10.1); empty when the tool has no approval parameters. */
    Optional<ApprovalInputs> approvalInputs();

    /**
     * The model the CLI runs when the request resolves none, when the gateway decides it (Mistral's
     * VIBE_ACTIVE_MODEL); null when the CLI picks its own.
     */
    default String fallbackModel() {
        return null;
    }

    /** The system prompt the request sets (recorded in the flight recorder), or null. */
    default String systemPrompt() {
        return null;
    }

    /**
     * The reply for a preparation failure the tool answers with a body of its own instead of an invalid-input
     * error (Claude's MCP config); empty lets the failure through.
     */
    default Optional<RequestReply> refusal(RequestSpec spec, ProviderRequestException e) {
        return Optional.empty();
    }

    /** The CLI's answer text in its stdout: all of it, unless the format wraps the answer in events. */
    default String answerText(String outputFormat, String stdout) {
        return stdout;
    }

    /** The session id a finished run's reply reports: the plan's. */
    default String replySessionId(SessionPlan plan, RunOutcome outcome) {
        return plan.effectiveSessionId();
    }

    /** The session id an async request's started reply reports: the plan's. */
    default String startedSessionId(SessionPlan plan, SessionStore sessions) {
        return plan.effectiveSessionId();
    }

    /**
     * The CLI's own conversation id in a finished run's output, for the plan's after-run actions; empty
     * when the CLI's ids are the gateway's.
     */
    default Optional<String> upstreamSessionId(String stdout, String stderr) {
        return Optional.empty();
    }
}
