package com.verivus.gateway.provider.gemini;

import com.verivus.gateway.provider.SessionRequest;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.SharedRequestBuilder;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of gemini_request / gemini_request_async (§1.2): the shared block, the session trio and
 * Gemini's own {@link Options}.
 */
public record GeminiRequest(SharedRequest shared, SessionRequest session, Options options) {

    /** The parameters only gemini_request has. {@code json} = outputFormat "json". */
    public record Options(GeminiApprovalMode approvalMode, List<String> allowedTools, List<String> includeDirs,
                          boolean json, boolean sandbox, List<String> policyFiles, List<String> adminPolicyFiles,
                          List<String> attachments) {

        public Options {
            allowedTools = copy(allowedTools);
            includeDirs = copy(includeDirs);
            policyFiles = copy(policyFiles);
            adminPolicyFiles = copy(adminPolicyFiles);
            attachments = copy(attachments);
        }

        private static List<String> copy(List<String> l) {
            return l == null ? List.of() : List.copyOf(l);
        }

        public String outputFormat() {
            return json ? "json" : "text";
        }
    }

    public GeminiRequest {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(options, "options");
        session = session == null ? SessionRequest.NONE : session;
    }

    /** The same request with another shared block (the prompt and model the CLI gets). */
    public GeminiRequest withShared(SharedRequest newShared) {
        return new GeminiRequest(newShared, session, options);
    }

    public static Builder builder(String prompt) {
        return new Builder(prompt);
    }

    /** Builds a request field by field; unset fields take their §1.2 defaults. */
    public static final class Builder extends SharedRequestBuilder<Builder> {
        private GeminiApprovalMode approvalMode;
        private List<String> allowedTools;
        private List<String> includeDirs;
        private boolean json;
        private boolean sandbox;
        private List<String> policyFiles;
        private List<String> adminPolicyFiles;
        private List<String> attachments;

        private Builder(String prompt) {
            super(prompt);
        }

        public Builder approvalMode(GeminiApprovalMode v) {
            approvalMode = v;
            return this;
        }

        public Builder allowedTools(List<String> v) {
            allowedTools = v;
            return this;
        }

        public Builder includeDirs(List<String> v) {
            includeDirs = v;
            return this;
        }

        /** outputFormat: "json" (true) or "text" (false). */
        public Builder json(boolean v) {
            json = v;
            return this;
        }

        public Builder sandbox(boolean v) {
            sandbox = v;
            return this;
        }

        public Builder policyFiles(List<String> v) {
            policyFiles = v;
            return this;
        }

        public Builder adminPolicyFiles(List<String> v) {
            adminPolicyFiles = v;
            return this;
        }

        public Builder attachments(List<String> v) {
            attachments = v;
            return this;
        }

        public GeminiRequest build() {
            return new GeminiRequest(shared(), session, new Options(approvalMode, allowedTools, includeDirs, json,
                    sandbox, policyFiles, adminPolicyFiles, attachments));
        }
    }
}
