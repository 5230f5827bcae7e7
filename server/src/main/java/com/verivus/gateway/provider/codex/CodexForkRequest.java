package com.verivus.gateway.provider.codex;

import com.verivus.gateway.provider.SharedRequest;
import java.util.Objects;

/**
 * The parameters of codex_fork_session: exactly one of {@code sessionId} / {@code forkLast}; the shared
 * block carries prompt, model, correlationId and idleTimeoutMs (nothing else of it is used).
 */
public record CodexForkRequest(SharedRequest shared, String sessionId, boolean forkLast,
                               CodexSandboxMode sandboxMode, CodexApprovalPolicy askForApproval) {

    public CodexForkRequest {
        Objects.requireNonNull(shared, "shared");
        if (sessionId != null && sessionId.isBlank()) {
            sessionId = null;
        }
    }
}
