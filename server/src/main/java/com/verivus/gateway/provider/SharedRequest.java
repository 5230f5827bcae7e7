package com.verivus.gateway.provider;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The §1.1 parameters every provider request carries.
 *
 * @param prompt the prompt as the CLI should receive it (after any optimisation the caller applied)
 * @param model the model, ALREADY alias-resolved by the caller; null = let the CLI choose (no flag)
 * @param correlationId the request's correlation id (a random UUID when the client gave none)
 * @param approvalStrategy legacy or mcp_managed
 * @param approvalPolicy strict/balanced/permissive, or null (only the approval subsystem reads it)
 * @param mcpServers requested MCP servers, normalised (duplicates dropped; empty = none, the default)
 * @param idleTimeoutMs 30000..3600000, or null for the per-CLI default (600000)
 * @param forceRefresh bypass deduplication
 */
public record SharedRequest(String prompt, String model, String correlationId, ApprovalStrategy approvalStrategy,
                            ApprovalPolicy approvalPolicy, List<McpServerName> mcpServers, Long idleTimeoutMs,
                            boolean forceRefresh) {

    public static final int MAX_PROMPT_CHARS = 100_000;
    public static final long MIN_IDLE_TIMEOUT_MS = 30_000;
    public static final long MAX_IDLE_TIMEOUT_MS = 3_600_000;
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 600_000;

    public SharedRequest {
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.isEmpty()) {
            throw new ProviderRequestException("Prompt cannot be empty");
        }
        if (prompt.length() > MAX_PROMPT_CHARS) {
            throw new ProviderRequestException("Prompt too long (max 100k chars)");
        }
        if (model != null && model.isBlank()) {
            model = null;
        }
        correlationId = correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId;
        approvalStrategy = approvalStrategy == null ? ApprovalStrategy.LEGACY : approvalStrategy;
        mcpServers = McpServerName.normalise(mcpServers);
        if (idleTimeoutMs != null && (idleTimeoutMs < MIN_IDLE_TIMEOUT_MS || idleTimeoutMs > MAX_IDLE_TIMEOUT_MS)) {
            throw new ProviderRequestException("idleTimeoutMs must be between 30000 and 3600000 (got " + idleTimeoutMs + ")");
        }
    }

    /** A request with only a prompt; every other field at its default. */
    public static SharedRequest of(String prompt) {
        return new SharedRequest(prompt, null, null, null, null, null, null, false);
    }

    public SharedRequest withPrompt(String newPrompt) {
        return new SharedRequest(newPrompt, model, correlationId, approvalStrategy, approvalPolicy, mcpServers,
                idleTimeoutMs, forceRefresh);
    }

    public SharedRequest withModel(String newModel) {
        return new SharedRequest(prompt, newModel, correlationId, approvalStrategy, approvalPolicy, mcpServers,
                idleTimeoutMs, forceRefresh);
    }

    public SharedRequest withApprovalStrategy(ApprovalStrategy strategy) {
        return new SharedRequest(prompt, model, correlationId, strategy, approvalPolicy, mcpServers,
                idleTimeoutMs, forceRefresh);
    }

    public SharedRequest withMcpServers(List<McpServerName> servers) {
        return new SharedRequest(prompt, model, correlationId, approvalStrategy, approvalPolicy, servers,
                idleTimeoutMs, forceRefresh);
    }

    public SharedRequest withIdleTimeoutMs(Long ms) {
        return new SharedRequest(prompt, model, correlationId, approvalStrategy, approvalPolicy, mcpServers,
                ms, forceRefresh);
    }

    public boolean mcpManaged() {
        return approvalStrategy == ApprovalStrategy.MCP_MANAGED;
    }

    /** The idle timeout the run gets when the CLI applies one: the request's, else 10 minutes. */
    public long effectiveIdleTimeoutMs() {
        return idleTimeoutMs != null ? idleTimeoutMs : DEFAULT_IDLE_TIMEOUT_MS;
    }
}
