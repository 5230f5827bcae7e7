package com.verivus.gateway.provider.mistral;

import com.verivus.gateway.provider.Effort;
import com.verivus.gateway.provider.Keys;
import com.verivus.gateway.provider.SessionRequest;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.SharedRequestBuilder;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of mistral_request / mistral_request_async (§1.2, the vibe CLI): the shared block, the
 * session trio and Mistral's own {@link Options}.
 */
public record MistralRequest(SharedRequest shared, SessionRequest session, Options options) {

    /** The parameters only mistral_request has. outputFormat null = the CLI's default. */
    public record Options(OutputFormat outputFormat, MistralPermissionMode permissionMode, Effort effort,
                          String reasoningEffort, List<String> allowedTools, List<String> disallowedTools) {

        public Options {
            allowedTools = allowedTools == null ? List.of() : List.copyOf(allowedTools);
            disallowedTools = disallowedTools == null ? List.of() : List.copyOf(disallowedTools);
        }
    }

    /** vibe --output-format. */
    public enum OutputFormat {
        PLAIN("plain"), JSON("json"), STREAM_JSON("stream-json");

        private final String key;

        OutputFormat(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static OutputFormat fromKey(String key) {
            return Keys.parse(OutputFormat.class, key, OutputFormat::key, "outputFormat");
        }
    }

    public MistralRequest {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(options, "options");
        session = session == null ? SessionRequest.NONE : session;
    }

    /** The same request with another shared block (the prompt and model the CLI gets). */
    public MistralRequest withShared(SharedRequest newShared) {
        return new MistralRequest(newShared, session, options);
    }

    public static Builder builder(String prompt) {
        return new Builder(prompt);
    }

    /** Builds a request field by field; unset fields take their §1.2 defaults. */
    public static final class Builder extends SharedRequestBuilder<Builder> {
        private OutputFormat outputFormat;
        private MistralPermissionMode permissionMode;
        private Effort effort;
        private String reasoningEffort;
        private List<String> allowedTools;
        private List<String> disallowedTools;

        private Builder(String prompt) {
            super(prompt);
        }

        public Builder outputFormat(OutputFormat v) {
            outputFormat = v;
            return this;
        }

        public Builder permissionMode(MistralPermissionMode v) {
            permissionMode = v;
            return this;
        }

        public Builder effort(Effort v) {
            effort = v;
            return this;
        }

        public Builder reasoningEffort(String v) {
            reasoningEffort = v;
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

        public MistralRequest build() {
            return new MistralRequest(shared(), session, new Options(outputFormat, permissionMode, effort,
                    reasoningEffort, allowedTools, disallowedTools));
        }
    }
}
