package com.verivus.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.config.ChildEnvironmentConfig.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code [childEnvironment]} table of the gateway's config file (the file
 * {@link PersistenceConfigLoader#configFileLocation} names), then {@code LLM_GATEWAY_CHILD_ENV} ({@code inherit}
 * or {@code allowlist}) and {@code LLM_GATEWAY_CHILD_ENV_ALLOW} (comma-separated names), each of which wins over
 * the file. An unparseable file is left to the persistence loader to warn about; here it means defaults.
 */
public final class ChildEnvironmentConfigLoader {

    public static final String MODE_ENV = "LLM_GATEWAY_CHILD_ENV";
    public static final String ALLOW_ENV = "LLM_GATEWAY_CHILD_ENV_ALLOW";
    static final String TABLE = "childEnvironment";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ChildEnvironmentConfigLoader() {
    }

    /** @throws ChildEnvironmentConfigException naming the bad key or value */
    public static ChildEnvironmentConfig load(GatewayEnvironment env) {
        Mode mode = Mode.INHERIT;
        String source = "default";
        Set<String> allow = new LinkedHashSet<>();
        JsonNode table = table(env);
        if (table != null) {
            String location = PersistenceConfigLoader.configFileLocation(env);
            for (Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.equals("mode") && !key.equals("allow")) {
                    throw invalid("unknown key '" + key + "' (expected mode, allow)");
                }
            }
            JsonNode m = table.get("mode");
            if (m != null) {
                if (!m.isTextual()) {
                    throw invalid("mode must be a string: \"inherit\" or \"allowlist\"");
                }
                mode = mode(m.asText(), "[" + TABLE + "].mode");
                source = location;
            }
            JsonNode a = table.get("allow");
            if (a != null) {
                if (!a.isArray()) {
                    throw invalid("allow must be an array of variable names");
                }
                for (JsonNode n : a) {
                    allow.add(name(n.isTextual() ? n.asText() : n.toString(), "[" + TABLE + "].allow"));
                }
            }
        }
        String modeVar = env.nonBlank(MODE_ENV).orElse(null);
        if (modeVar != null) {
            mode = mode(modeVar.trim(), MODE_ENV);
            source = MODE_ENV;
        }
        String allowVar = env.nonBlank(ALLOW_ENV).orElse(null);
        if (allowVar != null) {
            allow.clear();
            for (String part : allowVar.split(",")) {
                if (!part.isBlank()) {
                    allow.add(name(part.trim(), ALLOW_ENV));
                }
            }
        }
        return new ChildEnvironmentConfig(mode, allow, source);
    }

    private static JsonNode table(GatewayEnvironment env) {
        String location = PersistenceConfigLoader.configFileLocation(env);
        if (location.isEmpty()) {
            return null;
        }
        Path file = env.workingDirectory().resolve(location);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode root;
        try {
            root = ConfigToml.readTree(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        JsonNode table = root == null ? null : root.get(TABLE);
        if (table == null || table.isNull()) {
            return null;
        }
        if (!table.isObject()) {
            throw invalid(TABLE + " must be a table");
        }
        return table;
    }

    private static Mode mode(String value, String where) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "inherit" -> Mode.INHERIT;
            case "allowlist" -> Mode.ALLOWLIST;
            default -> throw invalid(where + " is '" + value + "'; expected \"inherit\" or \"allowlist\"");
        };
    }

    private static String name(String value, String where) {
        if (!NAME.matcher(value).matches()) {
            throw invalid(where + " contains '" + value + "', which is not an environment variable name");
        }
        return value;
    }

    private static ChildEnvironmentConfigException invalid(String what) {
        return new ChildEnvironmentConfigException("Invalid [" + TABLE + "] config: " + what);
    }
}
