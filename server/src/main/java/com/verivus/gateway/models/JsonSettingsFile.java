package com.verivus.gateway.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CLI's JSON settings file (Claude's settings.json, Gemini's settings.json): the first non-blank
 * string found at one of several key paths. A missing file is silent; an unreadable one becomes a
 * warning on the CLI's info.
 */
final class JsonSettingsFile {

    private JsonSettingsFile() {
    }

    /**
     * @param shownPath the path as configured, used in warnings and as the model's source
     * @param file the same path resolved against the working directory
     */
    static String firstString(String shownPath, Path file, List<List<String>> keyPaths, CliInfoDraft info) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode root = EnvModelList.STRICT_JSON.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new IllegalArgumentException("Unexpected end of JSON input");
            }
            for (List<String> keyPath : keyPaths) {
                JsonNode value = root;
                for (String key : keyPath) {
                    value = value != null && value.isObject() ? value.get(key) : null;
                }
                if (value != null && value.isTextual() && !value.asText().isBlank()) {
                    return value.asText();
                }
            }
            return null;
        } catch (Exception e) {
            info.warn("Could not parse JSON config " + shownPath + ": " + Messages.of(e));
            return null;
        }
    }
}
