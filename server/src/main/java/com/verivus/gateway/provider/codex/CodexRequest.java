package com.verivus.gateway.provider.codex;

import com.verivus.gateway.provider.SessionRequest;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.SharedRequestBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of codex_request / codex_request_async (§1.2): the shared block, the session trio and
 * Codex's own {@link Options}.
 */
public record CodexRequest(SharedRequest shared, SessionRequest session, Options options) {

    /**
     * The parameters only codex_request has. {@code outputSchema} is a path (String) or a JSON Schema object
     * (Map), or null. {@code configOverrides} keeps the client's key order.
     */
    public record Options(boolean fullAuto, CodexSandboxMode sandboxMode, CodexApprovalPolicy askForApproval,
                          boolean useLegacyFullAutoFlag, boolean dangerouslyBypassApprovalsAndSandbox,
                          CodexOutputFormat outputFormat, Object outputSchema, boolean search, String profile,
                          Map<String, String> configOverrides, boolean ephemeral, List<String> images,
                          boolean ignoreUserConfig, boolean ignoreRules) {

        public Options {
            outputFormat = outputFormat == null ? CodexOutputFormat.TEXT : outputFormat;
            if (outputSchema != null && !(outputSchema instanceof String) && !(outputSchema instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("outputSchema must be a path string or a JSON Schema object");
            }
            configOverrides = configOverrides == null ? null
                    : Collections.unmodifiableMap(new LinkedHashMap<>(configOverrides));
            images = images == null ? null : List.copyOf(images);
        }
    }

    public CodexRequest {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(options, "options");
        session = session == null ? SessionRequest.NONE : session;
    }

    /** The same request with another shared block (the prompt and model the CLI gets). */
    public CodexRequest withShared(SharedRequest newShared) {
        return new CodexRequest(newShared, session, options);
    }

    public static Builder builder(String prompt) {
        return new Builder(prompt);
    }

    /** Builds a request field by field; unset fields take their §1.2 defaults. */
    public static final class Builder extends SharedRequestBuilder<Builder> {
        private boolean fullAuto;
        private CodexSandboxMode sandboxMode;
        private CodexApprovalPolicy askForApproval;
        private boolean useLegacyFullAutoFlag;
        private boolean dangerouslyBypassApprovalsAndSandbox;
        private CodexOutputFormat outputFormat = CodexOutputFormat.TEXT;
        private Object outputSchema;
        private boolean search;
        private String profile;
        private Map<String, String> configOverrides;
        private boolean ephemeral;
        private List<String> images;
        private boolean ignoreUserConfig;
        private boolean ignoreRules;

        private Builder(String prompt) {
            super(prompt);
        }

        public Builder fullAuto(boolean v) {
            fullAuto = v;
            return this;
        }

        public Builder sandboxMode(CodexSandboxMode v) {
            sandboxMode = v;
            return this;
        }

        public Builder askForApproval(CodexApprovalPolicy v) {
            askForApproval = v;
            return this;
        }

        public Builder useLegacyFullAutoFlag(boolean v) {
            useLegacyFullAutoFlag = v;
            return this;
        }

        public Builder dangerouslyBypassApprovalsAndSandbox(boolean v) {
            dangerouslyBypassApprovalsAndSandbox = v;
            return this;
        }

        public Builder outputFormat(CodexOutputFormat v) {
            outputFormat = v;
            return this;
        }

        public Builder outputSchema(Object v) {
            outputSchema = v;
            return this;
        }

        public Builder search(boolean v) {
            search = v;
            return this;
        }

        public Builder profile(String v) {
            profile = v;
            return this;
        }

        public Builder configOverrides(Map<String, String> v) {
            configOverrides = v;
            return this;
        }

        public Builder ephemeral(boolean v) {
            ephemeral = v;
            return this;
        }

        public Builder images(List<String> v) {
            images = v;
            return this;
        }

        public Builder ignoreUserConfig(boolean v) {
            ignoreUserConfig = v;
            return this;
        }

        public Builder ignoreRules(boolean v) {
            ignoreRules = v;
            return this;
        }

        public CodexRequest build() {
            return new CodexRequest(shared(), session, new Options(fullAuto, sandboxMode, askForApproval,
                    useLegacyFullAutoFlag, dangerouslyBypassApprovalsAndSandbox, outputFormat, outputSchema, search,
                    profile, configOverrides, ephemeral, images, ignoreUserConfig, ignoreRules));
        }
    }
}
