package com.verivus.gateway.recorder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request as the flight recorder holds it: its {@code requests} row joined with its
 * {@code gateway_metadata} row. Fields the row does not have yet (a request still running) are null.
 *
 * @param status started, completed, failed, canceled or orphaned
 * @param datetimeUtc when the request started (ISO-8601)
 */
public record RecordedRequest(String correlationId, String cli, String model, String prompt, String system,
                              String response, String sessionId, Long durationMs, String datetimeUtc,
                              Long inputTokens, Long outputTokens, Long cacheReadTokens, Long cacheCreationTokens,
                              String status, Integer exitCode, String errorMessage, String asyncJobId,
                              Integer retryCount, Double costUsd, String approvalDecision, String workingDir) {

    /** Everything but prompt and response (which are large and paged by the caller), in a fixed key order. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("correlationId", correlationId);
        m.put("cli", cli);
        m.put("model", model);
        m.put("status", status);
        m.put("startedAt", datetimeUtc);
        m.put("durationMs", durationMs);
        m.put("exitCode", exitCode);
        m.put("errorMessage", errorMessage);
        m.put("sessionId", sessionId);
        m.put("asyncJobId", asyncJobId);
        m.put("workingDir", workingDir);
        m.put("retryCount", retryCount);
        m.put("approvalDecision", approvalDecision);
        m.put("inputTokens", inputTokens);
        m.put("outputTokens", outputTokens);
        m.put("cacheReadTokens", cacheReadTokens);
        m.put("cacheCreationTokens", cacheCreationTokens);
        m.put("costUsd", costUsd);
        return m;
    }
}
