package com.verivus.dag.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code [policy.instance]} with {@code <REPO_ABS_PATH>} replaced by the repository's real path: every
 * path the units touch, absolute. Relative entries must stay inside the repository.
 */
public record IsolationInstance(Path repo, Path dataDir, Path configToml, Path sqliteDb, Path localSettings,
                                Path mcpJson, Path gitignore, List<String> serverNames) {

    public static final String PLACEHOLDER = "<REPO_ABS_PATH>";

    /** The name the README and {@code print-client-config} give the server. */
    public static final String DEFAULT_SERVER_NAME = "llm-cli-gateway";
    /** The name the Node README's recipe used; still recognised. */
    public static final String NODE_README_SERVER_NAME = "llm-gateway";

    public IsolationInstance {
        serverNames = List.copyOf(serverNames);
    }

    /** The preferred server name (the first one looked for). */
    public String serverName() {
        return serverNames.getFirst();
    }

    /**
     * @throws IllegalArgumentException when a relative path is absolute, escapes the repository, or
     *         still contains a placeholder
     */
    public static IsolationInstance resolve(ObjectNode instance, Path realRepo, Optional<String> serverName) {
        String name = serverName.orElseGet(() -> text(instance, "mcp_server_name", DEFAULT_SERVER_NAME));
        if (name.isBlank() || name.contains("<") || name.contains(">")) {
            throw new IllegalArgumentException("mcp_server_name `" + name + "` is not a server name");
        }
        // An explicit --mcp-server-name is the only name; otherwise both names users have been told are looked for.
        List<String> names = serverName.isPresent() ? List.of(name)
                : new ArrayList<>(new LinkedHashSet<>(List.of(name, DEFAULT_SERVER_NAME, NODE_README_SERVER_NAME)));
        return new IsolationInstance(realRepo,
                inside(realRepo, instance, "gateway_data_dir_relative", ".gateway"),
                inside(realRepo, instance, "config_toml_relative", ".gateway/config.toml"),
                inside(realRepo, instance, "sqlite_db_relative", ".gateway/logs.db"),
                inside(realRepo, instance, "claude_local_settings_relative", ".claude/settings.local.json"),
                inside(realRepo, instance, "mcp_json_relative", ".mcp.json"),
                inside(realRepo, instance, "gitignore_relative", ".gitignore"),
                names);
    }

    private static String text(ObjectNode instance, String key, String fallback) {
        JsonNode node = instance.get(key);
        return node != null && node.isTextual() ? node.textValue() : fallback;
    }

    private static Path inside(Path repo, ObjectNode instance, String key, String fallback) {
        String relative = text(instance, key, fallback).replace(PLACEHOLDER, repo.toString());
        if (relative.contains("<") || relative.contains(">")) {
            throw new IllegalArgumentException("policy.instance." + key + " still holds a placeholder: `" + relative + "`");
        }
        Path resolved = repo.resolve(relative).normalize();
        if (!resolved.startsWith(repo) || resolved.equals(repo)) {
            throw new IllegalArgumentException("policy.instance." + key + " = `" + relative
                    + "` does not name a path inside the repository " + repo);
        }
        return resolved;
    }

    /** A repository-relative, slash-separated form of a path inside the repo (for .gitignore and git). */
    public String relative(Path path) {
        return repo.relativize(path).toString().replace('\\', '/');
    }
}
