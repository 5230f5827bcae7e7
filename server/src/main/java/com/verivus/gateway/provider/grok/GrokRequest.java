package com.verivus.gateway.provider.grok;

import com.verivus.gateway.provider.Effort;
import com.verivus.gateway.provider.Keys;
import com.verivus.gateway.provider.SessionRequest;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.SharedRequestBuilder;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of grok_request / grok_request_async (§1.2): the shared block, the session trio and Grok's own
 * {@link Options}.
 */
public record GrokRequest(SharedRequest shared, SessionRequest session, Options options) {

    /** The parameters only grok_request has. outputFormat null = the CLI's default. */
    public record Options(OutputFormat outputFormat, boolean alwaysApprove, GrokPermissionMode permissionMode,
                          Effort effort, String reasoningEffort, List<String> allowedTools,
                          List<String> disallowedTools) {

        public Options {
            allowedTools = allowedTools == null ? List.of() : List.copyOf(allowedTools);
            disallowedTools = disallowedTools == null ? List.of() : List.copyOf(disallowedTools);
        }
    }

    /** grok --output-format. */
    public enum OutputFormat {
        PLAIN("plain"), JSON("json"), STREAMING_JSON("streaming-json");

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

    public GrokRequest {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(options, "options");
        session = session == null ? SessionRequest.NONE : session;
    }

    /** The same request with another shared block (the prompt and model the CLI gets). */
    public GrokRequest withShared(SharedRequest newShared) {
        return new GrokRequest(newShared, session, options);
    }

    public static Builder builder(String prompt) {
        return new Builder(prompt);
    }

    /** Builds a request field by field; unset fields take their §1.2 defaults. */
    public static final class Builder extends SharedRequestBuilder<Builder> {
        private OutputFormat outputFormat;
        private boolean alwaysApprove;
        private GrokPermissionMode permissionMode;
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

        public Builder alwaysApprove(boolean v) {
            alwaysApprove = v;
            return this;
        }

        public Builder permissionMode(GrokPermissionMode v) {
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

        public GrokRequest build() {
            return new GrokRequest(shared(), session, new Options(outputFormat, alwaysApprove, permissionMode,
                    effort, reasoningEffort, allowedTools, disallowedTools));
        }
    }
}
