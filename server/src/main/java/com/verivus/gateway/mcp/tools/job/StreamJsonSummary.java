package com.verivus.gateway.mcp.tools.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A minimal reading of Claude's stream-json output for llm_job_result's {@code parsed} block, used
 * only until the Claude provider's full stream-json parser is wired into {@link JobResultTool}. Rules
 * of the Node gateway: unparsable lines are skipped; the last {@code result} event gives text, cost,
 * usage and turns; the model comes from the {@code system/init} event, else the result; without a
 * result event the last assistant message's text blocks are joined.
 */
public final class StreamJsonSummary implements Function<String, Map<String, Object>> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Map<String, Object> apply(String stdout) {
        JsonNode result = null;
        JsonNode assistant = null;
        JsonNode init = null;
        for (String line : stdout.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            JsonNode event;
            try {
                event = JSON.readTree(trimmed);
            } catch (Exception e) {
                continue;
            }
            if (event == null || !event.isObject()) {
                continue;
            }
            String type = event.path("type").asText("");
            switch (type) {
                case "result" -> result = event;
                case "assistant" -> assistant = event;
                case "system" -> {
                    if ("init".equals(event.path("subtype").asText(""))) {
                        init = event;
                    }
                }
                default -> {
                }
            }
        }
        Map<String, Object> parsed = new LinkedHashMap<>();
        String initModel = init != null && init.path("model").isTextual() ? init.path("model").asText() : null;
        if (result != null) {
            parsed.put("text", result.path("result").isTextual() ? result.path("result").asText() : "");
            if (result.path("total_cost_usd").isNumber()) {
                parsed.put("costUsd", result.path("total_cost_usd").doubleValue());
            }
            parsed.put("usage", usage(result.get("usage")));
            String model = initModel != null ? initModel
                    : result.path("model").isTextual() ? result.path("model").asText() : null;
            if (model != null) {
                parsed.put("model", model);
            }
            if (result.path("num_turns").isNumber()) {
                parsed.put("numTurns", result.path("num_turns").longValue());
            }
            return parsed;
        }
        if (assistant != null) {
            StringBuilder text = new StringBuilder();
            for (JsonNode block : assistant.path("message").path("content")) {
                if ("text".equals(block.path("type").asText("")) && block.path("text").isTextual()) {
                    text.append(block.path("text").asText());
                }
            }
            parsed.put("text", text.toString());
            parsed.put("usage", null);
            String model = initModel != null ? initModel
                    : assistant.path("message").path("model").isTextual()
                            ? assistant.path("message").path("model").asText() : null;
            if (model != null) {
                parsed.put("model", model);
            }
            return parsed;
        }
        parsed.put("text", "");
        parsed.put("usage", null);
        if (initModel != null) {
            parsed.put("model", initModel);
        }
        return parsed;
    }

    private static Map<String, Object> usage(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("inputTokens", usage.path("input_tokens").asLong(0));
        u.put("outputTokens", usage.path("output_tokens").asLong(0));
        u.put("cacheReadInputTokens", usage.path("cache_read_input_tokens").asLong(0));
        u.put("cacheCreationInputTokens", usage.path("cache_creation_input_tokens").asLong(0));
        return u;
    }
}
