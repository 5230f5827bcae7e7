package com.verivus.gateway.provider.codex;

/**
 * What a Codex {@code --json} event stream says (§3.6).
 *
 * @param threadId the thread id of {@code thread.started}, or null
 * @param usage the last {@code turn.completed} usage, or null when no turn completed
 * @param error the last {@code turn.failed} / {@code error} message, or null
 * @param finalMessage the text of the last agent_message item, or null
 */
public record CodexEvents(String threadId, Usage usage, String error, String finalMessage) {

    /** turn.completed usage; cache counts and cost are null when the event does not carry them. */
    public record Usage(long inputTokens, long outputTokens, Long cacheReadTokens, Long cacheCreationTokens,
                        Double costUsd) {
    }

    public static final CodexEvents EMPTY = new CodexEvents(null, null, null, null);
}
