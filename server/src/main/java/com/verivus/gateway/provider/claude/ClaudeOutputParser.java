package com.verivus.gateway.provider.claude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.provider.JsonObjectText;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Claude's machine output (§3.6). stream-json: one JSON event per line; lines that are not JSON
 * objects are skipped; the last {@code result} event wins, else the last {@code assistant} message's text.
 * json: one result object (or, with --verbose, an array of the same events). Never throws.
 */
public final class ClaudeOutputParser {

    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private ClaudeOutputParser() {
    }

    public static ClaudeResult parseStreamJson(String stdout) {
        if (stdout == null || stdout.isEmpty()) {
            return ClaudeResult.EMPTY;
        }
        List<JsonNode> events = new ArrayList<>();
        for (String line : stdout.split("\r?\n")) {
            JsonNode node = JsonObjectText.parse(line);
            if (node != null) {
                events.add(node);
            }
        }
        return reduce(events);
    }

    /** The output of {@code --output-format json}: a result object, or an array of events. */
    public static ClaudeResult parseJson(String stdout) {
        if (stdout == null || stdout.isBlank()) {
            return ClaudeResult.EMPTY;
        }
        try {
            JsonNode root = JSON.readTree(stdout.trim());
            List<JsonNode> events = new ArrayList<>();
            if (root != null && root.isObject()) {
                events.add(root);
            } else if (root != null && root.isArray()) {
                root.forEach(n -> {
                    if (n.isObject()) {
                        events.add(n);
                    }
                });
            }
            return reduce(events);
        } catch (Exception e) {
            // Not one JSON document (e.g. noise around it): fall back to reading it line by line.
            return parseStreamJson(stdout);
        }
    }

    private static ClaudeResult reduce(List<JsonNode> events) {
        try {
            JsonNode result = null;
            JsonNode assistant = null;
            JsonNode init = null;
            for (JsonNode e : events) {
                String type = e.path("type").asText("");
                if (type.equals("result")) {
                    result = e;
                } else if (type.equals("assistant")) {
                    assistant = e;
                } else if (type.equals("system") && e.path("subtype").asText("").equals("init")) {
                    init = e;
                }
            }
            String initSession = init == null ? null : text(init, "session_id");
            String initModel = init == null ? null : text(init, "model");
            if (result != null) {
                JsonNode u = result.get("usage");
                ClaudeResult.Usage usage = u != null && u.isObject()
                        ? new ClaudeResult.Usage(count(u, "input_tokens"), count(u, "output_tokens"),
                        count(u, "cache_read_input_tokens"), count(u, "cache_creation_input_tokens"))
                        : null;
                String session = text(result, "session_id");
                String model = initModel != null ? initModel : text(result, "model");
                return new ClaudeResult(result.path("result").isTextual() ? result.get("result").asText() : "",
                        number(result, "total_cost_usd"), usage, session != null ? session : initSession, model,
                        integer(result, "duration_api_ms"), result.path("is_error").isBoolean()
                        && result.get("is_error").asBoolean(), integer(result, "num_turns"));
            }
            if (assistant != null) {
                JsonNode message = assistant.path("message");
                StringBuilder text = new StringBuilder();
                for (JsonNode block : message.path("content")) {
                    if (block.path("type").asText("").equals("text") && block.path("text").isTextual()) {
                        text.append(block.get("text").asText());
                    }
                }
                String model = initModel != null ? initModel : text(message, "model");
                return new ClaudeResult(text.toString(), null, null, initSession, model, null, false, null);
            }
            return new ClaudeResult("", null, null, initSession, initModel, null, false, null);
        } catch (RuntimeException e) {
            return ClaudeResult.EMPTY;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    private static Long integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asLong() : null;
    }

    private static long count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asLong() : 0L;
    }
}
