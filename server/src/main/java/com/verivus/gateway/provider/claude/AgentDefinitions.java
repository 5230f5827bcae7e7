package com.verivus.gateway.provider.claude;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.provider.ProviderRequestException;
import java.util.List;
import java.util.Map;

/**
 * Checks the {@code agents} map of claude_request (each agent needs a non-empty description and prompt;
 * tools, when given, is a string array; model, when given, a string; other keys pass through) and
 * renders it as the JSON value of {@code --agents}.
 */
final class AgentDefinitions {

    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private AgentDefinitions() {
    }

    static void validate(Map<String, Object> agents) {
        if (agents == null) {
            return;
        }
        agents.forEach((key, value) -> {
            if (!(value instanceof Map<?, ?> def)) {
                throw invalid(key, "", "Expected object, received " + typeOf(value));
            }
            requireNonEmptyString(key, def, "description");
            requireNonEmptyString(key, def, "prompt");
            if (def.containsKey("tools") && def.get("tools") != null) {
                Object tools = def.get("tools");
                if (!(tools instanceof List<?> list)) {
                    throw invalid(key, ".tools", "Expected array, received " + typeOf(tools));
                }
                for (int i = 0; i < list.size(); i++) {
                    if (!(list.get(i) instanceof String)) {
                        throw invalid(key, ".tools." + i, "Expected string, received " + typeOf(list.get(i)));
                    }
                }
            }
            if (def.containsKey("model") && def.get("model") != null && !(def.get("model") instanceof String)) {
                throw invalid(key, ".model", "Expected string, received " + typeOf(def.get("model")));
            }
        });
    }

    static String toJson(Map<String, Object> agents) {
        try {
            return JSON.writeValueAsString(agents);
        } catch (JsonProcessingException e) {
            throw new ProviderRequestException("Invalid agents value: " + e.getOriginalMessage(), e);
        }
    }

    private static void requireNonEmptyString(String key, Map<?, ?> def, String field) {
        Object v = def.get(field);
        if (v == null) {
            throw invalid(key, "." + field, "Required");
        }
        if (!(v instanceof String s)) {
            throw invalid(key, "." + field, "Expected string, received " + typeOf(v));
        }
        if (s.isEmpty()) {
            throw invalid(key, "." + field, "String must contain at least 1 character(s)");
        }
    }

    private static ProviderRequestException invalid(String key, String path, String message) {
        return new ProviderRequestException("Invalid agent definition for \"" + key + "\"" + path + ": " + message);
    }

    private static String typeOf(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Number) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof List<?>) {
            return "array";
        }
        return "object";
    }
}
