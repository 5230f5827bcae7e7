package com.verivus.gateway.provider.gemini;

/**
 * What {@code gemini -o json} output says.
 *
 * @param response the response text, or null
 * @param sessionId the session_id field, or null
 * @param usage token counts, or null when the output carries none
 */
public record GeminiResult(String response, String sessionId, Usage usage) {

    /** cacheReadTokens is null when the output does not say. */
    public record Usage(long inputTokens, long outputTokens, Long cacheReadTokens) {
    }
}
