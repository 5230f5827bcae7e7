package com.verivus.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;

/**
 * Reads a piece of CLI output that should be one JSON object, without ever throwing: the CLIs print
 * warnings, progress and cut-off lines around their JSON, and the parsers skip whatever is not an
 * object rather than fail. Shared by the Claude, Codex and Gemini output parsers.
 */
public final class JsonObjectText {

    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private JsonObjectText() {
    }

    /**
     * The trimmed {@code text} as a JSON object, or null when it is blank, does not start with
     * '{', is not valid JSON or is another kind of JSON value.
     */
    public static JsonNode parse(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.charAt(0) != '{') {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(t);
            return n != null && n.isObject() ? n : null;
        } catch (Exception e) {
            return null;
        }
    }
}
