package com.verivus.gateway.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code *_MODELS} variable in the three forms the Node gateway accepts: a comma or newline
 * separated list ({@code name} or {@code name=description}), a JSON array (strings, or objects with
 * {@code model|id|name} and {@code description|desc}), or a JSON object name → description.
 */
final class EnvModelList {

    static final ObjectMapper STRICT_JSON = NodeJson.STRICT;

    /** One model named by the variable; {@code description} is null when the entry gave none. */
    record Entry(String model, String description) {
    }

    private EnvModelList() {
    }

    static List<Entry> parse(String value, String source) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String trimmed = value.strip();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            JsonNode parsed;
            try {
                parsed = STRICT_JSON.readTree(trimmed);
            } catch (Exception e) {
                // not JSON after all: the whole value is one (probably invalid) model name
                return List.of(new Entry(trimmed, "Configured via " + source));
            }
            return fromJson(parsed);
        }
        List<Entry> entries = new ArrayList<>();
        for (String part : trimmed.split("[,\n]")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq > 0) {
                String description = entry.substring(eq + 1).strip();
                entries.add(new Entry(entry.substring(0, eq).strip(), description.isEmpty() ? null : description));
            } else {
                entries.add(new Entry(entry, null));
            }
        }
        return entries;
    }

    private static List<Entry> fromJson(JsonNode parsed) {
        List<Entry> entries = new ArrayList<>();
        if (parsed.isArray()) {
            for (JsonNode item : parsed) {
                if (item.isTextual()) {
                    entries.add(new Entry(item.asText(), null));
                } else if (item.isObject()) {
                    String model = firstString(item, "model", "id", "name");
                    if (model != null) {
                        entries.add(new Entry(model, firstString(item, "description", "desc")));
                    }
                }
            }
        } else if (parsed.isObject()) {
            for (Map.Entry<String, JsonNode> e : parsed.properties()) {
                entries.add(new Entry(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : null));
            }
        }
        return entries;
    }

    private static String firstString(JsonNode object, String... fields) {
        for (String field : fields) {
            JsonNode v = object.get(field);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        return null;
    }
}
