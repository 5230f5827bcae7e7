package com.verivus.gateway.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.provider.JsonObjectText;
import java.util.Iterator;

/**
 * Reads {@code gemini -o json} output (§3.6): the (trimmed) stdout must be one JSON object, else null;
 * noise lines before the object are skipped. Usage comes from {@code promptTokenCount} /
 * {@code candidatesTokenCount} / {@code cachedContentTokenCount} (at the top, under {@code stats} or
 * {@code usageMetadata}), else from today's per-model {@code stats.models.*.tokens} (prompt, candidates,
 * cached; summed over models). Never throws.
 */
public final class GeminiJsonParser {

    private GeminiJsonParser() {
    }

    /** The parsed output, or null when stdout holds no JSON object. */
    public static GeminiResult parse(String stdout) {
        JsonNode root = readObject(stdout);
        if (root == null) {
            return null;
        }
        try {
            String response = root.path("response").isTextual() ? root.get("response").asText() : null;
            String sessionId = root.path("session_id").isTextual() ? root.get("session_id").asText() : null;
            return new GeminiResult(response, sessionId, usage(root));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static GeminiResult.Usage usage(JsonNode root) {
        for (JsonNode holder : new JsonNode[] {root, root.path("stats"), root.path("usageMetadata")}) {
            JsonNode prompt = holder.get("promptTokenCount");
            JsonNode candidates = holder.get("candidatesTokenCount");
            if (prompt != null && prompt.isNumber() || candidates != null && candidates.isNumber()) {
                JsonNode cached = holder.get("cachedContentTokenCount");
                return new GeminiResult.Usage(prompt != null && prompt.isNumber() ? prompt.asLong() : 0,
                        candidates != null && candidates.isNumber() ? candidates.asLong() : 0,
                        cached != null && cached.isNumber() ? cached.asLong() : null);
            }
        }
        JsonNode models = root.path("stats").path("models");
        if (!models.isObject() || models.isEmpty()) {
            return null;
        }
        long in = 0;
        long out = 0;
        long cached = 0;
        boolean any = false;
        boolean anyCached = false;
        for (Iterator<JsonNode> it = models.elements(); it.hasNext(); ) {
            JsonNode tokens = it.next().path("tokens");
            if (tokens.path("prompt").isNumber() || tokens.path("candidates").isNumber()) {
                any = true;
                in += tokens.path("prompt").asLong(0);
                out += tokens.path("candidates").asLong(0);
            }
            if (tokens.path("cached").isNumber()) {
                anyCached = true;
                cached += tokens.path("cached").asLong();
            }
        }
        return any ? new GeminiResult.Usage(in, out, anyCached ? cached : null) : null;
    }

    private static JsonNode readObject(String stdout) {
        if (stdout == null) {
            return null;
        }
        String text = stdout.trim();
        JsonNode node = JsonObjectText.parse(text);
        if (node != null) {
            return node;
        }
        // Warnings printed before the object: parse from the first line that opens it.
        int at = text.indexOf("\n{");
        return at >= 0 ? JsonObjectText.parse(text.substring(at + 1)) : null;
    }
}
