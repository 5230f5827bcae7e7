package com.verivus.gateway.provider.claude;

/**
 * What a Claude stream-json (or json) output says about the run (§3.6).
 *
 * @param text the result text ("" when there is none)
 * @param costUsd total_cost_usd, or null
 * @param usage the result's token usage, or null when it carried none
 * @param sessionId the Claude session id (result, else init event), or null
 * @param model the model (init event, else result/assistant), or null
 */
public record ClaudeResult(String text, Double costUsd, Usage usage, String sessionId, String model,
                           Long durationApiMs, boolean isError, Long numTurns) {

    /** Token counts of a result event; absent counts are 0. */
    public record Usage(long inputTokens, long outputTokens, long cacheReadInputTokens,
                        long cacheCreationInputTokens) {
    }

    public static final ClaudeResult EMPTY = new ClaudeResult("", null, null, null, null, null, false, null);
}
