package com.verivus.gateway.provider;

/** What the session arguments of a run do to the CLI's conversation state. */
public enum SessionMode {
    /** A new conversation (possibly with an id we chose, e.g. Gemini --session-id, Claude --session-id). */
    FRESH,
    /** Resume a named conversation (--resume id, exec resume id). */
    RESUME_BY_ID,
    /** Continue the most recent conversation (--continue, --resume latest, exec resume --last). */
    CONTINUE_LATEST
}
