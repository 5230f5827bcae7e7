package com.verivus.gateway.request;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.session.SessionStore;
import java.util.Optional;

/**
 * One provider request as a tool parsed it, wrapping the adapter's request record. The pipeline
 * swaps in the prompt the CLI should get and the resolved model ({@link #with}), then lets the
 * adapter prepare the run.
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
}
