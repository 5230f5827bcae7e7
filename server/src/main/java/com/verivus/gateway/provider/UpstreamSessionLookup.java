package com.verivus.gateway.provider;

import java.util.Optional;

/**
 * Reads the CLI's own conversation id recorded on a gateway session (see
 * {@link SessionAction.RecordUpstreamSessionId}). The caller backs it with a session-store read, e.g.
 * {@code id -> store.get(id).map(s -> s.metadata().get("codexThreadId"))}.
 */
@FunctionalInterface
public interface UpstreamSessionLookup {

    UpstreamSessionLookup NONE = id -> Optional.empty();

    Optional<String> upstreamId(String gatewaySessionId);
}
