package com.verivus.gateway.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfigLoader;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the allowed roots: {@code allowedRoots} of the {@code [workspace]} table in the gateway's
 * config.toml (the file [persistence] comes from), plus the entries of {@value AllowedRoots#ENV}
 * (separated like PATH). Both add up: either place can grant a root, neither can take one away.
 * A root must be absolute (a leading {@code ~/} is expanded); anything else stops the gateway with a
 * message naming the entry, because a silently ignored root would make HTTP callers fail later for
 * no visible reason. An unparsable file is the persistence loader's warning already, not repeated.
 */
public final class AllowedRootsLoader {

    private static final TomlMapper TOML = new TomlMapper();

    private AllowedRootsLoader() {
    }

    /** @throws IllegalArgumentException for a malformed [workspace] table or a relative root */
    public static AllowedRoots load(GatewayEnvironment env) {
        Set<Path> roots = new LinkedHashSet<>();
        String location = PersistenceConfigLoader.configFileLocation(env);
        String used = null;
        if (!location.isEmpty()) {
            Path file = env.workingDirectory().resolve(location);
            JsonNode table = workspaceTable(file);
            if (table != null) {
                used = location;
                roots.addAll(fromTable(table, env));
            }
        }
        env.nonBlank(AllowedRoots.ENV).ifPresent(value -> {
            for (String entry : value.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    roots.add(root(entry.strip(), env, AllowedRoots.ENV));
                }
            }
        });
        return new AllowedRoots(new ArrayList<>(roots), used != null ? used : location);
    }

    private static JsonNode workspaceTable(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode root = TOML.readTree(Files.readString(file));
            JsonNode table = root == null ? null : root.get("workspace");
            return table == null || table.isNull() ? null : table;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<Path> fromTable(JsonNode table, GatewayEnvironment env) {
        if (!table.isObject()) {
            throw new IllegalArgumentException("Invalid [workspace] config: workspace must be a table");
        }
        List<String> unknown = new ArrayList<>();
        table.fieldNames().forEachRemaining(name -> {
            if (!name.equals("allowedRoots")) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Invalid [workspace] config: unknown key(s) " + String.join(", ", unknown)
                    + " (known: allowedRoots)");
        }
        JsonNode list = table.get("allowedRoots");
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("Invalid [workspace] config: allowedRoots must be an array of absolute "
                    + "directory paths");
        }
        List<Path> roots = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new IllegalArgumentException("Invalid [workspace] config: allowedRoots entries must be non-empty "
                        + "strings (got " + item + ")");
            }
            roots.add(root(item.asText(), env, "[workspace] allowedRoots"));
        }
        return roots;
    }

    private static Path root(String text, GatewayEnvironment env, String where) {
        Path p;
        try {
            p = Path.of(env.expandHome(text));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("Invalid " + where + " entry \"" + text + "\": " + e.getMessage());
        }
        if (!p.isAbsolute()) {
            throw new IllegalArgumentException("Invalid " + where + " entry \"" + text + "\": roots must be absolute "
                    + "paths");
        }
        return p.normalize();
    }
}
