package com.verivus.gateway.provider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token counts and cost of one run, as far as the CLI's output says (null = not reported). Cache counts
 * of 0 are reported as null, as the Node gateway drops them.
 */
public record Usage(Long inputTokens, Long outputTokens, Long cacheReadTokens, Long cacheCreationTokens,
                    Double costUsd) {

    public static final Usage NONE = new Usage(null, null, null, null, null);

    public boolean isEmpty() {
        return inputTokens == null && outputTokens == null && cacheReadTokens == null && cacheCreationTokens == null
                && costUsd == null;
    }

    /** The keys structuredContent carries: inputTokens, outputTokens, cacheReadTokens, cacheCreationTokens, costUsd — only those known. */
    public Map<String, Object> toStructuredContent() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "inputTokens", inputTokens);
        put(m, "outputTokens", outputTokens);
        put(m, "cacheReadTokens", cacheReadTokens);
        put(m, "cacheCreationTokens", cacheCreationTokens);
        put(m, "costUsd", costUsd);
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    static Long positiveOrNull(Long v) {
        return v == null || v == 0 ? null : v;
    }
}
