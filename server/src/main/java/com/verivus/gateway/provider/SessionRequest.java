package com.verivus.gateway.provider;

/**
 * The session trio of a request.
 *
 * @param sessionId a session to resume (Claude: to use with --session-id), or null
 * @param continueLatest resumeLatest for Codex/Gemini/Grok/Mistral; continueSession for Claude
 * @param createNewSession start a fresh conversation even when the CLI has an active session
 */
public record SessionRequest(String sessionId, boolean continueLatest, boolean createNewSession) {

    public static final SessionRequest NONE = new SessionRequest(null, false, false);

    public SessionRequest {
        if (sessionId != null && sessionId.isBlank()) {
            sessionId = null;
        }
    }

    public static SessionRequest resume(String sessionId) {
        return new SessionRequest(sessionId, false, false);
    }

    public static SessionRequest latest() {
        return new SessionRequest(null, true, false);
    }

    public static SessionRequest fresh() {
        return new SessionRequest(null, false, true);
    }
}
