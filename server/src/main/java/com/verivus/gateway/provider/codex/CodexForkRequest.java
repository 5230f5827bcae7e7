package com.verivus.gateway.provider.codex;

import com.verivus.gateway.provider.SharedRequest;
import java.util.Objects;

/**
 * The parameters of codex_fork_session: the shared block (only prompt, model, correlationId and
 * idleTimeoutMs of it are used) and the fork's own {@link Options}.
 */
public record CodexForkRequest(SharedRequest shared, Options options) {

    /** What to fork, and how: exactly one of {@code sessionId} / {@code forkLast}. */
    public record Options(String sessionId, boolean forkLast, CodexSandboxMode sandboxMode,
                          CodexApprovalPolicy askForApproval) {

        public Options {
            if (sessionId != null && sessionId.isBlank()) {
                sessionId = null;
            }
        }
    }

    public CodexForkRequest {
        Objects.requireNonNull(shared, "shared");
        Objects.requireNonNull(options, "options");
    }

    public CodexForkRequest(SharedRequest shared, String sessionId, boolean forkLast, CodexSandboxMode sandboxMode,
                            CodexApprovalPolicy askForApproval) {
        this(shared, new Options(sessionId, forkLast, sandboxMode, askForApproval));
    }

    /** The same request with another shared block (the prompt and model the CLI gets). */
    public CodexForkRequest withShared(SharedRequest newShared) {
        return new CodexForkRequest(newShared, options);
    }
}
