package com.verivus.gateway.mcp.tools.job;

import com.verivus.gateway.provider.claude.ClaudeOutputParser;
import com.verivus.gateway.provider.claude.ClaudeResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * llm_job_result's {@code parsed} block from the Claude provider's stream-json parser:
 * {@code {text, costUsd, usage, model, numTurns}}, absent values left out (usage null when the result
 * carried none).
 */
public final class ClaudeStreamJsonBlock implements Function<String, Map<String, Object>> {

    @Override
    public Map<String, Object> apply(String stdout) {
        ClaudeResult r = ClaudeOutputParser.parseStreamJson(stdout);
        Map<String, Object> parsed = new LinkedHashMap<>();
        parsed.put("text", r.text());
        if (r.costUsd() != null) {
            parsed.put("costUsd", r.costUsd());
        }
        ClaudeResult.Usage u = r.usage();
        if (u == null) {
            parsed.put("usage", null);
        } else {
            Map<String, Object> usage = new LinkedHashMap<>();
            usage.put("inputTokens", u.inputTokens());
            usage.put("outputTokens", u.outputTokens());
            usage.put("cacheReadInputTokens", u.cacheReadInputTokens());
            usage.put("cacheCreationInputTokens", u.cacheCreationInputTokens());
            parsed.put("usage", usage);
        }
        if (r.model() != null) {
            parsed.put("model", r.model());
        }
        if (r.numTurns() != null) {
            parsed.put("numTurns", r.numTurns());
        }
        return parsed;
    }
}
