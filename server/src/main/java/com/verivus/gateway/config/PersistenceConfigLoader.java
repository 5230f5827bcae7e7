package com.verivus.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.config.PersistenceConfig.Backend;
import com.verivus.gateway.log.GatewayLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Resolves the {@code [persistence]} settings the way the Node gateway's loadPersistenceConfig does:
 * defaults, then the {@code [persistence]} table of {@code $LLM_GATEWAY_CONFIG} (or an approved
 * project's {@code .gateway/config.toml}, or {@code ~/.llm-cli-gateway/config.toml}), then the deprecated environment variables; then one strict
 * check of the merged values. Only the {@code persistence} table is read; other tables are ignored.
 */
public final class PersistenceConfigLoader {

    static final String CONFIG_ENV = "LLM_GATEWAY_CONFIG";
    static final String JOBS_DB_ENV = "LLM_GATEWAY_JOBS_DB";
    static final String LOGS_DB_ENV = "LLM_GATEWAY_LOGS_DB";
    static final String RETENTION_ENV = "LLM_GATEWAY_JOB_RETENTION_DAYS";
    static final String DEDUP_ENV = "LLM_GATEWAY_DEDUP_WINDOW_MS";
    static final String ACK_ENV = "LLM_GATEWAY_ACKNOWLEDGE_EPHEMERAL";

    public static final String NONE_WARNING = "Async job persistence is DISABLED (backend = 'none'). "
            + "*_request_async tools will NOT be registered on this gateway.";
    public static final String POSTGRES_WITHOUT_DSN = "[persistence].backend = 'postgres' requires a non-empty "
            + "'dsn' (e.g. postgresql://user:pw@host/db)";
    public static final String MEMORY_WITHOUT_ACK = "[persistence].backend = 'memory' is ephemeral — async job "
            + "results are lost on gateway exit. Set [persistence].acknowledgeEphemeral = true (or "
            + "LLM_GATEWAY_ACKNOWLEDGE_EPHEMERAL=1) to confirm this is intentional.";

    private static final List<String> KEYS =
            List.of("backend", "path", "dsn", "retentionDays", "dedupWindowMs", "acknowledgeEphemeral");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern YES = Pattern.compile("1|true|yes", Pattern.CASE_INSENSITIVE);

    private PersistenceConfigLoader() {
    }

    /**
     * Loads the settings, logging warnings to stderr, and one line naming the project configuration
     * when one was chosen from the working directory (the only trace of it outside llm_process_health).
     */
    public static PersistenceConfig load(GatewayEnvironment env) {
        PersistenceConfig config = load(env, GatewayLog::warn);
        if (ConfigFileChoice.BY_PROJECT.equals(config.sources().selectedBy())) {
            GatewayLog.info("Using the approved project configuration " + config.sources().configFile()
                    + (config.path() == null ? "" : " (job store " + config.path() + ")"));
        }
        return config;
    }

    /**
     * Loads the settings, handing each warning (parse failure, deprecated variable, backend none) to
     * {@code warnings}.
     *
     * @throws PersistenceConfigException when the merged settings are invalid or unsafe
     */
    public static PersistenceConfig load(GatewayEnvironment env, Consumer<String> warnings) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> unknownKeys = new ArrayList<>();
        ConfigFileChoice choice = ConfigFileChoice.of(env);
        choice.unapprovedWarning().ifPresent(warnings);
        String configFile = readConfigFile(choice.location(), env, values, unknownKeys, warnings);
        List<String> envOverrides = applyLegacyEnv(env, values, warnings);
        Validated v = validate(values, unknownKeys);

        String path = null;
        if (v.backend == Backend.SQLITE) {
            String raw = v.path != null ? v.path : env.defaultDataDirectory().resolve("logs.db").toString();
            path = env.expandHome(raw);
        }
        String dsn = null;
        if (v.backend == Backend.POSTGRES) {
            if (v.dsn == null || v.dsn.isBlank()) {
                throw new PersistenceConfigException(POSTGRES_WITHOUT_DSN);
            }
            dsn = v.dsn;
        }
        if (v.backend == Backend.MEMORY && !v.acknowledgeEphemeral) {
            throw new PersistenceConfigException(MEMORY_WITHOUT_ACK);
        }
        if (v.backend == Backend.NONE) {
            warnings.accept(NONE_WARNING);
        }
        return new PersistenceConfig(v.backend, path, dsn, v.retentionDays, v.dedupWindowMs, v.acknowledgeEphemeral,
                v.backend != Backend.NONE, new PersistenceConfig.Sources(configFile, envOverrides, choice.selectedBy(),
                choice.unapprovedProjectConfig()));
    }

    /**
     * The config file location: {@code $LLM_GATEWAY_CONFIG} verbatim, else an approved project's
     * {@code .gateway/config.toml}, else the default (see {@link ConfigFileChoice}).
     */
    public static String configFileLocation(GatewayEnvironment env) {
        return ConfigFileChoice.of(env).location();
    }

    /** Reads [persistence] into {@code values}; returns the location read, or null when none was usable. */
    private static String readConfigFile(String location, GatewayEnvironment env, Map<String, Object> values,
                                         List<String> unknownKeys, Consumer<String> warnings) {
        if (location.isEmpty()) {
            return null; // an empty LLM_GATEWAY_CONFIG is a path, and no file has it
        }
        Path file = env.workingDirectory().resolve(location);
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode root;
        try {
            root = ConfigToml.readTree(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            warnings.accept("Failed to parse gateway config at " + location + "; using defaults ("
                    + firstLine(e.getMessage()) + ")");
            return null;
        }
        JsonNode table = root == null ? null : root.get("persistence");
        if (table == null || table.isNull()) {
            return location;
        }
        if (!table.isObject()) {
            throw new PersistenceConfigException("Invalid [persistence] config: persistence must be a table");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (KEYS.contains(field.getKey())) {
                values.put(field.getKey(), field.getValue());
            } else {
                unknownKeys.add(field.getKey());
            }
        }
        return location;
    }

    private static List<String> applyLegacyEnv(GatewayEnvironment env, Map<String, Object> values,
                                               Consumer<String> warnings) {
        List<String> applied = new ArrayList<>();
        String dbVar = set(env, JOBS_DB_ENV) != null ? JOBS_DB_ENV : set(env, LOGS_DB_ENV) != null ? LOGS_DB_ENV : null;
        if (dbVar != null) {
            String value = set(env, dbVar);
            if (value.toLowerCase(Locale.ROOT).equals("none")) {
                values.put("backend", "none");
                values.remove("path");
            } else {
                values.put("backend", "sqlite");
                values.put("path", value);
            }
            applied.add(dbVar);
        }
        Double retention = number(set(env, RETENTION_ENV));
        if (retention != null && Double.isFinite(retention) && retention > 0) {
            values.put("retentionDays", retention);
            applied.add(RETENTION_ENV);
        }
        Double dedup = number(set(env, DEDUP_ENV));
        if (dedup != null && Double.isFinite(dedup) && dedup >= 0) {
            values.put("dedupWindowMs", dedup); // a fraction is then rejected by the schema check
            applied.add(DEDUP_ENV);
        }
        String ack = set(env, ACK_ENV);
        if (ack != null) {
            values.put("acknowledgeEphemeral", YES.matcher(ack).matches());
            applied.add(ACK_ENV);
        }
        for (String name : applied) {
            warnings.accept(name + " is deprecated; migrate to [persistence] in ~/.llm-cli-gateway/config.toml");
        }
        return applied;
    }

    /** The trimmed value of a variable, or null when it is unset or blank (blank counts as not set). */
    private static String set(GatewayEnvironment env, String name) {
        return env.get(name).map(String::trim).filter(v -> !v.isEmpty()).orElse(null);
    }

    private static Double number(String text) {
        return text != null && DECIMAL.matcher(text).matches() ? Double.valueOf(text) : null;
    }

    private record Validated(Backend backend, String path, String dsn, double retentionDays, long dedupWindowMs,
                             boolean acknowledgeEphemeral) {
    }

    /** The strict schema: every problem is named, all at once, in one startup failure. */
    private static Validated validate(Map<String, Object> values, List<String> unknownKeys) {
        List<String> issues = new ArrayList<>();
        if (!unknownKeys.isEmpty()) {
            issues.add("unrecognized key(s) " + String.join(", ", unknownKeys.stream().map(k -> "'" + k + "'")
                    .toList()) + " (allowed: " + String.join(", ", KEYS) + ")");
        }
        Backend backend = Backend.SQLITE;
        Object b = plain(values.get("backend"));
        if (b != null) {
            backend = switch (b) {
                case String s when s.equals("sqlite") -> Backend.SQLITE;
                case String s when s.equals("postgres") -> Backend.POSTGRES;
                case String s when s.equals("memory") -> Backend.MEMORY;
                case String s when s.equals("none") -> Backend.NONE;
                default -> {
                    issues.add("backend: must be one of 'sqlite', 'postgres', 'memory', 'none' (got " + show(b) + ")");
                    yield Backend.SQLITE;
                }
            };
        }
        String path = string(values, "path", issues);
        String dsn = string(values, "dsn", issues);
        double retentionDays = 30;
        Object r = plain(values.get("retentionDays"));
        if (r != null) {
            if (r instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() > 0) {
                retentionDays = n.doubleValue();
            } else {
                issues.add("retentionDays: must be a number greater than 0 (got " + show(r) + ")");
            }
        }
        long dedupWindowMs = 3_600_000L;
        Object d = plain(values.get("dedupWindowMs"));
        if (d != null) {
            if (d instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0
                    && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() <= Long.MAX_VALUE) {
                dedupWindowMs = n.longValue();
            } else {
                issues.add("dedupWindowMs: must be an integer >= 0 (got " + show(d) + ")");
            }
        }
        boolean ack = false;
        Object a = plain(values.get("acknowledgeEphemeral"));
        if (a != null) {
            if (a instanceof Boolean bool) {
                ack = bool;
            } else {
                issues.add("acknowledgeEphemeral: must be a boolean (got " + show(a) + ")");
            }
        }
        if (!issues.isEmpty()) {
            throw new PersistenceConfigException("Invalid [persistence] config: " + String.join("; ", issues));
        }
        return new Validated(backend, path, dsn, retentionDays, dedupWindowMs, ack);
    }

    private static String string(Map<String, Object> values, String key, List<String> issues) {
        Object v = plain(values.get(key));
        if (v == null || v instanceof String) {
            return (String) v;
        }
        issues.add(key + ": must be a string (got " + show(v) + ")");
        return null;
    }

    /** TOML values arrive as JSON nodes, env overrides as Java values; compare them as Java values. */
    private static Object plain(Object value) {
        if (!(value instanceof JsonNode node)) {
            return value;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node;
    }

    private static String show(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof JsonNode node) {
            return node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + node;
        }
        return String.valueOf(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
