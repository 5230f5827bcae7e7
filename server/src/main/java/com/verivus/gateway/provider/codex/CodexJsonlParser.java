package com.verivus.gateway.provider.codex;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.provider.JsonObjectText;

/**
 * Reads {@code codex exec --json} output (§3.6): JSON lines; anything that is not a JSON object is
 * skipped. thread.started → threadId; turn.completed.usage → usage (last wins); turn.failed / error →
 * error; item.completed of an agent_message → finalMessage (last wins). Never throws.
 */
public final class CodexJsonlParser {

    private CodexJsonlParser() {
    }

    public static CodexEvents parse(String stdout) {
        if (stdout == null || stdout.isEmpty()) {
            return CodexEvents.EMPTY;
        }
        String threadId = null;
        CodexEvents.Usage usage = null;
        String error = null;
        String finalMessage = null;
        for (String line : stdout.split("\r?\n")) {
            JsonNode e = JsonObjectText.parse(line);
            if (e == null) {
                continue;
            }
            try {
                switch (e.path("type").asText("")) {
                    case "thread.started" -> {
                        if (e.path("thread_id").isTextual()) {
                            threadId = e.get("thread_id").asText();
                        }
                    }
                    case "turn.completed" -> {
                        JsonNode u = e.get("usage");
                        if (u != null && u.isObject()) {
                            usage = new CodexEvents.Usage(count(u, "input_tokens"), count(u, "output_tokens"),
                                    firstCount(u, "cache_read_input_tokens", "cache_read_tokens", "cached_input_tokens"),
                                    firstCount(u, "cache_creation_input_tokens", "cache_creation_tokens"),
                                    u.path("cost_usd").isNumber() ? u.get("cost_usd").asDouble() : null);
                        }
                    }
                    case "turn.failed" -> {
                        JsonNode err = e.get("error");
                        if (err != null && err.isTextual()) {
                            error = err.asText();
                        } else if (err != null && err.path("message").isTextual()) {
                            error = err.get("message").asText();
                        } else {
                            error = "turn failed";
                        }
                    }
                    case "error" -> {
                        if (e.path("message").isTextual()) {
                            error = e.get("message").asText();
                        }
                    }
                    case "item.completed" -> {
                        JsonNode item = e.path("item");
                        String kind = item.path("type").asText(item.path("item_type").asText(""));
                        if (kind.equals("agent_message") && item.path("text").isTextual()) {
                            finalMessage = item.get("text").asText();
                        }
                    }
                    default -> {
                    }
                }
            } catch (RuntimeException ignored) {
                // a malformed event is skipped like a garbage line
            }
        }
        return new CodexEvents(threadId, usage, error, finalMessage);
    }

    private static long count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asLong() : 0L;
    }

    private static Long firstCount(JsonNode n, String... fields) {
        for (String f : fields) {
            JsonNode v = n.get(f);
            if (v != null && v.isNumber()) {
                return v.asLong();
            }
        }
        return null;
    }
}
