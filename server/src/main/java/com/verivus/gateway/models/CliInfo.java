package com.verivus.gateway.models;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway knows about one CLI's models (the Node gateway's CliInfo).
 *
 * @param models name → description, in discovery order
 * @param defaultModel null when no default is known (then no model flag is passed and the CLI picks)
 * @param defaultModelSource the file path or variable the default came from; null for the bundled default
 * @param modelOrder the default first, then the preferred order, then the rest
 * @param aliases lower-case alias → target model (or "default"); null when none are configured
 * @param warnings problems met while reading configuration, each once
 */
public record CliInfo(String description, Map<String, String> models, String defaultModel,
                      String defaultModelSource, List<String> modelOrder, Map<String, String> aliases,
                      Map<String, ModelMetadata> modelMetadata, List<String> warnings) {

    public CliInfo {
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
        modelOrder = List.copyOf(modelOrder);
        aliases = aliases == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
        modelMetadata = Collections.unmodifiableMap(new LinkedHashMap<>(modelMetadata));
        warnings = List.copyOf(warnings);
    }

    /**
     * The JSON the Node gateway prints: description, models, [defaultModel], [defaultModelSource],
     * modelOrder, [aliases], modelMetadata, warnings (absent values left out, as JSON.stringify does).
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("description", description);
        json.put("models", models);
        if (defaultModel != null) {
            json.put("defaultModel", defaultModel);
        }
        if (defaultModelSource != null) {
            json.put("defaultModelSource", defaultModelSource);
        }
        json.put("modelOrder", modelOrder);
        if (aliases != null) {
            json.put("aliases", aliases);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        modelMetadata.forEach((name, m) -> metadata.put(name, m.toJson()));
        json.put("modelMetadata", metadata);
        json.put("warnings", warnings);
        return json;
    }
}
