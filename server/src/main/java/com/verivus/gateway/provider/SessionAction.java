package com.verivus.gateway.provider;

import java.util.Objects;

/**
 * Session-store bookkeeping a run asks its caller to do. Session planning is pure; the caller (the
 * request tool) performs these against the session store: for a sync request after the run succeeded,
 * for an async request before the job starts (so a store failure starts no job), except
 * {@link RecordUpstreamSessionId}, which needs the run's output and is done when the run has finished.
 */
public sealed interface SessionAction {

    CliName cli();

    String sessionId();

    /** Create session {@code sessionId} with {@code description} if the store has no session of that id. */
    record EnsureSession(CliName cli, String sessionId, String description) implements SessionAction {
        public EnsureSession {
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /**
     * Create a new gateway session with this (freshly generated) id: Codex's bookkeeping session (a bare
     * UUID) or the Grok/Mistral bookkeeping session ({@code gw-<uuid>}).
     */
    record CreateSession(CliName cli, String sessionId, String description) implements SessionAction {
        public CreateSession {
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /** Update lastUsedAt of the session (a no-op when the store does not know it). */
    record TouchSession(CliName cli, String sessionId) implements SessionAction {
        public TouchSession {
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /**
     * After the run: read the CLI's own conversation id from its output (Codex: the thread id of
     * {@code thread.started}, see {@code CodexThreadId.find}) and merge {@code {metadataKey: <id>}} into
     * the metadata of session {@code sessionId} (a no-op when the store does not know it or the output
     * carries no id). A later request that names {@code sessionId} then resumes the real conversation.
     */
    record RecordUpstreamSessionId(CliName cli, String sessionId, String metadataKey) implements SessionAction {
        public RecordUpstreamSessionId {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(metadataKey, "metadataKey");
        }
    }
}
