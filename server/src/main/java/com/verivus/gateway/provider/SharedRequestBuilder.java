package com.verivus.gateway.provider;

import java.util.List;

/**
 * The §1.1 fields and the session trio, shared by every request builder. {@code B} is the concrete
 * builder, so chained calls keep their type.
 */
public abstract class SharedRequestBuilder<B extends SharedRequestBuilder<B>> {

    private final String prompt;
    private String model;
    private String correlationId;
    private ApprovalStrategy approvalStrategy = ApprovalStrategy.LEGACY;
    private ApprovalPolicy approvalPolicy;
    private List<McpServerName> mcpServers;
    private Long idleTimeoutMs;
    private boolean forceRefresh;
    protected SessionRequest session = SessionRequest.NONE;

    protected SharedRequestBuilder(String prompt) {
        this.prompt = prompt;
    }

    @SuppressWarnings("unchecked")
    protected B self() {
        return (B) this;
    }

    /** The model, already alias-resolved (null: no model flag). */
    public B model(String value) {
        this.model = value;
        return self();
    }

    public B correlationId(String value) {
        this.correlationId = value;
        return self();
    }

    public B approvalStrategy(ApprovalStrategy value) {
        this.approvalStrategy = value;
        return self();
    }

    public B approvalPolicy(ApprovalPolicy value) {
        this.approvalPolicy = value;
        return self();
    }

    public B mcpServers(List<McpServerName> value) {
        this.mcpServers = value;
        return self();
    }

    public B mcpServers(McpServerName... value) {
        this.mcpServers = List.of(value);
        return self();
    }

    public B idleTimeoutMs(Long value) {
        this.idleTimeoutMs = value;
        return self();
    }

    public B forceRefresh(boolean value) {
        this.forceRefresh = value;
        return self();
    }

    public B session(SessionRequest value) {
        this.session = value == null ? SessionRequest.NONE : value;
        return self();
    }

    public B sessionId(String value) {
        this.session = new SessionRequest(value, session.continueLatest(), session.createNewSession());
        return self();
    }

    /** resumeLatest (Codex, Gemini, Grok, Mistral) or continueSession (Claude). */
    public B continueLatest(boolean value) {
        this.session = new SessionRequest(session.sessionId(), value, session.createNewSession());
        return self();
    }

    public B createNewSession(boolean value) {
        this.session = new SessionRequest(session.sessionId(), session.continueLatest(), value);
        return self();
    }

    protected SharedRequest shared() {
        return new SharedRequest(prompt, model, correlationId, approvalStrategy, approvalPolicy, mcpServers,
                idleTimeoutMs, forceRefresh);
    }
}
