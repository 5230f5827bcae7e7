package com.verivus.gateway.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Models named in Codex's config.toml: the top-level {@code model} (the default), each
 * {@code [profiles.<name>] model}, and both sides of {@code [notice.model_migrations]}.
 */
final class CodexConfigFile {

    private static final TomlMapper TOML = new TomlMapper();

    private CodexConfigFile() {
    }

    static void apply(String shownPath, Path file, CliInfoDraft info) {
        if (!Files.exists(file)) {
            return;
        }
        try {
            JsonNode root = TOML.readTree(Files.readString(file, StandardCharsets.UTF_8));
            info.setDefault(string(root, "model"), shownPath, ModelSource.CONFIG);
            for (Map.Entry<String, JsonNode> profile : table(root, "profiles").properties()) {
                String model = string(profile.getValue(), "model");
                if (model != null) {
                    info.addModel(model, "Configured in Codex profile '" + profile.getKey() + "'",
                            new ModelMetadata(ModelSource.CONFIG, shownPath + " profile " + profile.getKey(),
                                    Confidence.MEDIUM));
                }
            }
            String migrationSource = shownPath + " notice.model_migrations";
            for (Map.Entry<String, JsonNode> migration : table(table(root, "notice"), "model_migrations").properties()) {
                if (!migration.getValue().isTextual()) {
                    continue;
                }
                String from = migration.getKey();
                String to = migration.getValue().asText();
                info.addModel(to, "Migration target for " + from,
                        new ModelMetadata(ModelSource.CONFIG, migrationSource, Confidence.MEDIUM));
                info.addModel(from, "Legacy model (migrates to " + to + ")",
                        new ModelMetadata(ModelSource.CONFIG, migrationSource, Confidence.MEDIUM));
            }
        } catch (Exception e) {
            info.warn("Could not parse Codex config " + shownPath + ": " + Messages.of(e));
        }
    }

    private static String string(JsonNode node, String key) {
        JsonNode v = node != null && node.isObject() ? node.get(key) : null;
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static JsonNode table(JsonNode node, String key) {
        JsonNode v = node != null && node.isObject() ? node.get(key) : null;
        return v != null && v.isObject() ? v : TOML.createObjectNode();
    }
}
