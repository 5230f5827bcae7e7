package com.verivus.gateway.provider.claude;

import com.verivus.gateway.provider.Effort;
import com.verivus.gateway.provider.SessionRequest;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.SharedRequestBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of claude_request / claude_request_async (§1.2): the shared block, the session trio
 * ({@code session.continueLatest} is continueSession) and Claude's own {@link Options}.
 */
public record ClaudeRequest(SharedRequest shared, SessionRequest session, Options options) {

    /** The parameters only claude_request has. Null means "not given" for the optional fields. */
    public record Options(ClaudeOutputFormat outputFormat, List<String> allowedTools, List<String> disallowedTools,
                          boolean dangerouslySkipPermissions, ClaudePermissionMode permissionMode, String agent,
                          Map<String, Object> agents, boolean forkSession, String systemPrompt,
                          String appendSystemPrompt, Double maxBudgetUsd, Long maxTurns, Effort effort,
                          boolean excludeDynamicSystemPromptSections, boolean strictMcpConfig) {

        public Options {
            outputFormat = outputFormat == null ? ClaudeOutputFormat.TEXT : outputFormat;
            allowedTools = allowedTools == null ? null : List.copyOf(allowedTools);
            disallowedTools = disallowedTools == null ? null : List.copyOf(disallowedTools);
            agents = agents == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(agents));
        }
    }

    public ClaudeRequest {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(options, "options");
        session = session == null ? SessionRequest.NONE : session;
    }

    /** The same request with another shared block (the prompt and model the CLI gets). */
    public ClaudeRequest withShared(SharedRequest newShared) {
        return new ClaudeRequest(newShared, session, options);
    }

    public static Builder builder(String prompt) {
        return new Builder(prompt);
    }

    /** Builds a request field by field; unset fields take their §1.2 defaults. */
    public static final class Builder extends SharedRequestBuilder<Builder> {
        private ClaudeOutputFormat outputFormat = ClaudeOutputFormat.TEXT;
        private List<String> allowedTools;
        private List<String> disallowedTools;
        private boolean dangerouslySkipPermissions;
        private ClaudePermissionMode permissionMode;
        private String agent;
        private Map<String, Object> agents;
        private boolean forkSession;
        private String systemPrompt;
        private String appendSystemPrompt;
        private Double maxBudgetUsd;
        private Long maxTurns;
        private Effort effort;
        private boolean excludeDynamicSystemPromptSections;
        private boolean strictMcpConfig;

        private Builder(String prompt) {
            super(prompt);
        }

        public Builder outputFormat(ClaudeOutputFormat v) {
            outputFormat = v;
            return this;
        }

        public Builder allowedTools(List<String> v) {
            allowedTools = v;
            return this;
        }

        public Builder disallowedTools(List<String> v) {
            disallowedTools = v;
            return this;
        }

        public Builder dangerouslySkipPermissions(boolean v) {
            dangerouslySkipPermissions = v;
            return this;
        }

        public Builder permissionMode(ClaudePermissionMode v) {
            permissionMode = v;
            return this;
        }

        public Builder agent(String v) {
            agent = v;
            return this;
        }

        public Builder agents(Map<String, Object> v) {
            agents = v;
            return this;
        }

        public Builder forkSession(boolean v) {
            forkSession = v;
            return this;
        }

        public Builder systemPrompt(String v) {
            systemPrompt = v;
            return this;
        }

        public Builder appendSystemPrompt(String v) {
            appendSystemPrompt = v;
            return this;
        }

        public Builder maxBudgetUsd(Double v) {
            maxBudgetUsd = v;
            return this;
        }

        public Builder maxTurns(Long v) {
            maxTurns = v;
            return this;
        }

        public Builder effort(Effort v) {
            effort = v;
            return this;
        }

        public Builder excludeDynamicSystemPromptSections(boolean v) {
            excludeDynamicSystemPromptSections = v;
            return this;
        }

        public Builder strictMcpConfig(boolean v) {
            strictMcpConfig = v;
            return this;
        }

        public ClaudeRequest build() {
            return new ClaudeRequest(shared(), session, new Options(outputFormat, allowedTools, disallowedTools,
                    dangerouslySkipPermissions, permissionMode, agent, agents, forkSession, systemPrompt,
                    appendSystemPrompt, maxBudgetUsd, maxTurns, effort, excludeDynamicSystemPromptSections,
                    strictMcpConfig));
        }
    }
}
