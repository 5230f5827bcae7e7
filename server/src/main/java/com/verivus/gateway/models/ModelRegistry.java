package com.verivus.gateway.models;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.LeadingInteger;
import com.verivus.gateway.provider.CliName;
import java.nio.file.Path;
import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The models each CLI can be asked for, and the resolution of the names a caller passes
 * ({@code latest}, {@code default}, configured aliases, Gemini's {@code flash}/{@code pro}).
 *
 * <p>Assembled, in rising priority, from the bundled list, local history (Gemini), the CLIs' own
 * config files and environment variables, as the Node gateway does (reference §10.5), and cached for
 * two minutes so that a changed config file is noticed without a restart.
 */
public final class ModelRegistry {

    public static final Duration CACHE_TTL = Duration.ofMinutes(2);

    private final GatewayEnvironment env;
    private final Clock clock;
    private Map<CliName, CliInfo> cached;
    private long cachedAtMs;

    public ModelRegistry(GatewayEnvironment env) {
        this(env, Clock.systemUTC());
    }

    public ModelRegistry(GatewayEnvironment env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /** Every CLI's info, from the cache when it is younger than two minutes. */
    public Map<CliName, CliInfo> cliInfo() {
        return cliInfo(false);
    }

    public synchronized Map<CliName, CliInfo> cliInfo(boolean forceRefresh) {
        long now = clock.millis();
        if (forceRefresh || cached == null || now - cachedAtMs >= CACHE_TTL.toMillis()) {
            cached = build();
            cachedAtMs = now;
        }
        return cached;
    }

    public CliInfo cliInfo(CliName cli) {
        return cliInfo().get(cli);
    }

    /** Drops the cache; the next call reads configuration again. */
    public synchronized void clearCache() {
        cached = null;
    }

    /** The getCliInfo() map as JSON: {claude: info, codex: ..., gemini, grok, mistral}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        cliInfo().forEach((cli, info) -> json.put(cli.key(), info.toJson()));
        return json;
    }

    /**
     * The model name to pass to the CLI, or empty for "pass no model flag". Blank → empty;
     * {@code default}/{@code latest} (any case) → the default model, which may be unknown (empty);
     * a configured alias → its target; Gemini {@code flash}/{@code pro} → the newest matching model;
     * anything else → the trimmed input.
     */
    public Optional<String> resolveModelAlias(CliName cli, String model) {
        if (model == null || model.strip().isEmpty()) {
            return Optional.empty();
        }
        String trimmed = model.strip();
        String normalized = trimmed.toLowerCase(Locale.ROOT);
        CliInfo info = cliInfo(cli);
        if (normalized.equals("default") || normalized.equals("latest")) {
            return Optional.ofNullable(info.defaultModel());
        }
        String target = info.aliases() == null ? null : info.aliases().get(normalized);
        if (target != null && !target.isEmpty()) {
            // an alias of "default" with no default known means "let the CLI choose", like "default" itself
            return target.equals("default") ? Optional.ofNullable(info.defaultModel()) : Optional.of(target);
        }
        if (cli == CliName.GEMINI && (normalized.equals("flash") || normalized.equals("pro"))) {
            return Optional.of(newestMatching(info, normalized).orElse(trimmed));
        }
        return Optional.of(trimmed);
    }

    private static Optional<String> newestMatching(CliInfo info, String token) {
        Collator collator = Collator.getInstance(Locale.ROOT);
        Comparator<String> byVersion = Comparator.comparingDouble(GeminiHistory::version).reversed();
        Comparator<String> byPriority = Comparator.comparingInt((String m) -> {
            ModelMetadata meta = info.modelMetadata().get(m);
            return meta == null ? 0 : meta.source().priority();
        }).reversed();
        return info.models().keySet().stream()
                .filter(m -> m.toLowerCase(Locale.ROOT).contains(token))
                .min(byVersion.thenComparing(byPriority).thenComparing(collator::compare));
    }

    private Map<CliName, CliInfo> build() {
        Map<CliName, CliInfo> info = new EnumMap<>(CliName.class);
        for (CliName cli : CliName.values()) {
            CliInfoDraft draft = BundledModels.draft(cli);
            switch (cli) {
                case CLAUDE -> applyClaude(draft);
                case CODEX -> applyCodex(draft);
                case GEMINI -> applyGemini(draft);
                case GROK -> applyEnvOnly(draft, cli, "GROK", "GROK_DEFAULT_MODEL");
                case MISTRAL -> applyMistral(draft);
            }
            draft.reorder();
            info.put(cli, draft.build());
        }
        return Collections.unmodifiableMap(info);
    }

    private void applyClaude(CliInfoDraft info) {
        String settings = pathVariable("CLAUDE_SETTINGS_PATH", ".claude", "settings.json");
        String local = pathVariable("CLAUDE_SETTINGS_LOCAL_PATH", ".claude", "settings.local.json");
        List<List<String>> keys = List.of(List.of("model"), List.of("model", "name"));
        String localDefault = JsonSettingsFile.firstString(local, resolve(local), keys, info);
        String settingsDefault = JsonSettingsFile.firstString(settings, resolve(settings), keys, info);
        // settings.local.json overrides settings.json; the env var overrides both
        info.setDefault(settingsDefault, settings, ModelSource.CONFIG);
        info.setDefault(localDefault, local, ModelSource.CONFIG);
        info.setDefault(variable("CLAUDE_DEFAULT_MODEL"), "CLAUDE_DEFAULT_MODEL", ModelSource.ENV);
        addEnvModelsAndAliases(info, CliName.CLAUDE, "CLAUDE");
    }

    private void applyCodex(CliInfoDraft info) {
        String config = pathVariable("CODEX_CONFIG_PATH", ".codex", "config.toml");
        CodexConfigFile.apply(config, resolve(config), info);
        addEnvModelsAndAliases(info, CliName.CODEX, "CODEX");
        info.setDefault(variable("CODEX_DEFAULT_MODEL"), "CODEX_DEFAULT_MODEL", ModelSource.ENV);
    }

    private void applyGemini(CliInfoDraft info) {
        String settings = pathVariable("GEMINI_SETTINGS_PATH", ".gemini", "settings.json");
        String settingsDefault = JsonSettingsFile.firstString(settings, resolve(settings), List.of(
                List.of("model"), List.of("model", "name"), List.of("selectedModel"), List.of("defaultModel")), info);
        info.setDefault(settingsDefault, settings, ModelSource.CONFIG);
        if (!historyDiscoveryDisabled()) {
            String root = pathVariable("GEMINI_HISTORY_ROOT", ".gemini", "tmp");
            int maxFiles = (int) Math.min(Integer.MAX_VALUE,
                    LeadingInteger.positiveOr(variable("GEMINI_HISTORY_MAX_FILES"), GeminiHistory.DEFAULT_MAX_FILES));
            long maxBytes = LeadingInteger.positiveOr(variable("GEMINI_HISTORY_MAX_FILE_BYTES"),
                    GeminiHistory.DEFAULT_MAX_FILE_BYTES);
            // observed models are low confidence and never become the default
            for (GeminiHistory.Observation o : GeminiHistory.scan(root, resolve(root), maxFiles, maxBytes)) {
                info.addModel(o.model(), "Observed in local Gemini sessions (last seen " + o.lastSeen() + ")",
                        new ModelMetadata(ModelSource.OBSERVED, o.filePath(), Confidence.LOW, o.lastSeen()));
            }
        }
        addEnvModelsAndAliases(info, CliName.GEMINI, "GEMINI");
        info.setDefault(variable("GEMINI_DEFAULT_MODEL"), "GEMINI_DEFAULT_MODEL", ModelSource.ENV);
    }

    private void applyMistral(CliInfoDraft info) {
        // Vibe has no --model flag: VIBE_ACTIVE_MODEL is the user's choice when MISTRAL_DEFAULT_MODEL is unset
        String mistralDefault = variable("MISTRAL_DEFAULT_MODEL");
        String source = mistralDefault != null ? "MISTRAL_DEFAULT_MODEL" : "VIBE_ACTIVE_MODEL";
        addEnvModelsAndAliases(info, CliName.MISTRAL, "MISTRAL");
        info.setDefault(mistralDefault != null ? mistralDefault : variable("VIBE_ACTIVE_MODEL"), source,
                ModelSource.ENV);
    }

    private void applyEnvOnly(CliInfoDraft info, CliName cli, String prefix, String defaultVariable) {
        addEnvModelsAndAliases(info, cli, prefix);
        info.setDefault(variable(defaultVariable), defaultVariable, ModelSource.ENV);
    }

    private void addEnvModelsAndAliases(CliInfoDraft info, CliName cli, String prefix) {
        String modelsVar = prefix + "_MODELS";
        for (EnvModelList.Entry e : EnvModelList.parse(variable(modelsVar), modelsVar)) {
            info.addModel(e.model(), e.description() != null ? e.description() : "Configured via " + modelsVar,
                    new ModelMetadata(ModelSource.ENV, modelsVar, Confidence.HIGH),
                    e.description() != null && !e.description().isEmpty());
        }
        String aliasVar = prefix + "_MODEL_ALIASES";
        for (EnvAliasList.Entry e : EnvAliasList.parse(variable(aliasVar), aliasVar, cli)) {
            info.addAlias(e.alias(), e.target(), aliasVar);
        }
        for (EnvAliasList.Entry e : EnvAliasList.parse(variable(EnvAliasList.GLOBAL), EnvAliasList.GLOBAL, cli)) {
            info.addAlias(e.alias(), e.target(), EnvAliasList.GLOBAL);
        }
    }

    private boolean historyDiscoveryDisabled() {
        return "1".equals(variable("LLM_GATEWAY_DISABLE_MODEL_DISCOVERY"))
                || "1".equals(variable("GEMINI_DISABLE_HISTORY_DISCOVERY"));
    }

    /** The variable when set and non-empty (the Node gateway's {@code process.env.X || ...}). */
    private String variable(String name) {
        return env.get(name).filter(v -> !v.isEmpty()).orElse(null);
    }

    /** A path variable verbatim, else the default under HOME. */
    private String pathVariable(String name, String first, String second) {
        String value = variable(name);
        return value != null ? value : env.home().resolve(first).resolve(second).toString();
    }

    private Path resolve(String shownPath) {
        return env.workingDirectory().resolve(shownPath);
    }
}
