package com.verivus.gateway.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One CLI's model information while the registry assembles it from the bundled list, config files,
 * local history and environment. The merge rules live here: a source of higher priority replaces
 * a description and the provenance of a lower one, never the other way round.
 */
final class CliInfoDraft {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s", Pattern.UNICODE_CHARACTER_CLASS);

    private final String description;
    private final Map<String, String> models = new LinkedHashMap<>();
    private final Map<String, ModelMetadata> metadata = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private String defaultModel;
    private String defaultModelSource;
    private List<String> modelOrder;
    private Map<String, String> aliases;

    /** Starts from the bundled models, each marked as a low-confidence fallback. */
    CliInfoDraft(String description, Map<String, String> bundledModels, String bundledDefault,
                 List<String> bundledOrder) {
        this.description = description;
        bundledModels.forEach((name, desc) -> {
            models.put(name, desc);
            metadata.put(name, new ModelMetadata(ModelSource.FALLBACK, "Bundled fallback registry", Confidence.LOW));
        });
        this.defaultModel = bundledDefault;
        this.modelOrder = bundledOrder;
    }

    static boolean isValidModelName(String name) {
        return !name.isEmpty() && !CONTROL.matcher(name).find() && !WHITESPACE.matcher(name).find();
    }

    void warn(String warning) {
        if (!warnings.contains(warning)) {
            warnings.add(warning);
        }
    }

    String defaultModel() {
        return defaultModel;
    }

    void addModel(String rawName, String description, ModelMetadata incoming) {
        addModel(rawName, description, incoming, false);
    }

    /**
     * Adds or updates a model. The description is replaced when the model is new, when the source
     * ranks higher, or when {@code preferDescription} (an explicit description from *_MODELS); the
     * provenance is replaced when the source ranks at least as high.
     */
    void addModel(String rawName, String description, ModelMetadata incoming, boolean preferDescription) {
        String name = rawName.strip();
        if (!isValidModelName(name)) {
            warn("Ignored invalid model name from " + incoming.sourceDetail());
            return;
        }
        ModelMetadata existing = metadata.get(name);
        int existingPriority = existing == null ? -1 : existing.source().priority();
        int incomingPriority = incoming.source().priority();
        String current = models.get(name);
        if (current == null || current.isEmpty() || preferDescription || incomingPriority > existingPriority) {
            models.put(name, description);
        }
        if (existing == null || incomingPriority >= existingPriority) {
            metadata.put(name, incoming);
        }
    }

    /** Makes {@code model} the default (adding it as a model); env sources are high confidence, config medium. */
    void setDefault(String model, String source, ModelSource sourceType) {
        if (model == null) {
            return;
        }
        String name = model.strip();
        if (name.isEmpty()) {
            return;
        }
        if (!isValidModelName(name)) {
            warn("Ignored invalid default model from " + source);
            return;
        }
        addModel(name, "Configured default from " + source, new ModelMetadata(sourceType, source,
                sourceType == ModelSource.ENV ? Confidence.HIGH : Confidence.MEDIUM));
        defaultModel = name;
        defaultModelSource = source;
    }

    void addAlias(String alias, String target, String source) {
        String a = alias.strip().toLowerCase(Locale.ROOT);
        String t = target.strip();
        if (a.isEmpty() || WHITESPACE.matcher(a).find() || t.isEmpty()) {
            warn("Ignored invalid alias from " + source);
            return;
        }
        if (!t.equals("default") && !isValidModelName(t)) {
            warn("Ignored invalid alias target from " + source);
            return;
        }
        if (aliases == null) {
            aliases = new LinkedHashMap<>();
        }
        aliases.put(a, t);
    }

    /** Puts the default first, keeps the preferred order for the rest, then appends every other model. */
    void reorder() {
        Set<String> order = new LinkedHashSet<>();
        if (defaultModel != null && models.containsKey(defaultModel)) {
            order.add(defaultModel);
        }
        if (modelOrder != null) {
            for (String m : modelOrder) {
                if (models.containsKey(m)) {
                    order.add(m);
                }
            }
        }
        order.addAll(models.keySet());
        modelOrder = List.copyOf(order);
    }

    CliInfo build() {
        return new CliInfo(description, models, defaultModel, defaultModelSource,
                modelOrder == null ? List.of() : modelOrder, aliases, metadata, warnings);
    }
}
