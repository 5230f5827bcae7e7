package com.verivus.gateway.provider.claude;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.provider.McpServerName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the definition of each MCP server comes from (§3.1): the user's {@code [mcp_servers.<name>]}
 * table in {@code ~/.codex/config.toml} (command, args, env; a table with only a command keeps the default
 * args), else a built-in default. exa and ref_tools need EXA_API_KEY / REF_API_KEY (from the environment or
 * the TOML table's env); without one they are reported missing.
 */
final class McpServerCatalog {

    private final GatewayEnvironment env;
    private final Map<String, JsonNode> codexServers;

    McpServerCatalog(GatewayEnvironment env) {
        this.env = env;
        this.codexServers = readCodexServers(env.home().resolve(".codex").resolve("config.toml"));
    }

    /**
     * The definition, or empty when the server cannot be enabled: a required API key is absent, or sqry/trstr
     * are neither configured in ~/.codex/config.toml nor installed at their default ~/.local/bin path (pointing
     * claude at a binary that does not exist only makes it log an MCP error on every run).
     */
    Optional<McpServerDefinition> definition(McpServerName name) {
        JsonNode table = codexServers.get(name.key());
        McpServerDefinition def = merge(fallback(name), table);
        if ((name == McpServerName.SQRY || name == McpServerName.TRSTR) && table == null
                && !Files.isExecutable(Path.of(def.command()))) {
            return Optional.empty();
        }
        String keyVar = switch (name) {
            case EXA -> "EXA_API_KEY";
            case REF_TOOLS -> "REF_API_KEY";
            default -> null;
        };
        if (keyVar == null) {
            return Optional.of(def);
        }
        Optional<String> key = env.nonBlank(keyVar);
        if (key.isPresent()) {
            return Optional.of(def.withEnv(keyVar, key.get()));
        }
        String configured = def.env().get(keyVar);
        return configured != null && !configured.isBlank() ? Optional.of(def) : Optional.empty();
    }

    private McpServerDefinition fallback(McpServerName name) {
        Path localBin = env.home().resolve(".local").resolve("bin");
        return switch (name) {
            case SQRY -> new McpServerDefinition(localBin.resolve("sqry-mcp").toString(), List.of(), Map.of());
            case TRSTR -> new McpServerDefinition(localBin.resolve("trstr-mcp").toString(), List.of(), Map.of());
            case EXA -> newestNvmExa()
                    .map(p -> new McpServerDefinition("node", List.of(p.toString()), Map.of()))
                    .orElse(new McpServerDefinition("npx", List.of("-y", "exa-mcp-server"), Map.of()));
            case REF_TOOLS -> new McpServerDefinition("npx", List.of("-y", "ref-tools-mcp"), Map.of());
        };
    }

    private static McpServerDefinition merge(McpServerDefinition fallback, JsonNode table) {
        if (table == null || !table.isObject()) {
            return fallback;
        }
        String command = table.path("command").isTextual() && !table.path("command").asText().isBlank()
                ? table.path("command").asText() : fallback.command();
        List<String> args = fallback.args();
        if (table.path("args").isArray()) {
            args = new ArrayList<>();
            for (JsonNode a : table.path("args")) {
                args.add(a.asText());
            }
        }
        Map<String, String> envVars = new LinkedHashMap<>(fallback.env());
        if (table.path("env").isObject()) {
            table.path("env").fields().forEachRemaining(e -> envVars.put(e.getKey(), e.getValue().asText()));
        }
        return new McpServerDefinition(command, args, envVars);
    }

    /** The exa entry point of the newest Node under ~/.nvm (by version number), if any has it. */
    private Optional<Path> newestNvmExa() {
        Path versions = env.home().resolve(".nvm").resolve("versions").resolve("node");
        if (!Files.isDirectory(versions)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.sorted(Comparator.comparing((Path p) -> versionKey(p.getFileName().toString())).reversed())
                    .map(d -> d.resolve("lib/node_modules/exa-mcp-server/.smithery/stdio/index.cjs"))
                    .filter(Files::isRegularFile)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String versionKey(String dirName) {
        String[] parts = dirName.replaceFirst("^v", "").split("\\.");
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            long n = 0;
            if (i < parts.length) {
                try {
                    n = Long.parseLong(parts[i].replaceAll("[^0-9].*$", ""));
                } catch (NumberFormatException e) {
                    n = 0;
                }
            }
            key.append(String.format("%010d", n));
        }
        return key.toString();
    }

    private static Map<String, JsonNode> readCodexServers(Path configToml) {
        Map<String, JsonNode> servers = new LinkedHashMap<>();
        if (!Files.isRegularFile(configToml)) {
            return servers;
        }
        try {
            JsonNode root = new TomlMapper().readTree(configToml.toFile());
            JsonNode tables = root.path("mcp_servers");
            if (tables.isObject()) {
                tables.fields().forEachRemaining(e -> servers.put(e.getKey(), e.getValue()));
            }
        } catch (IOException | RuntimeException e) {
            GatewayLog.warn("Ignoring unreadable " + configToml + " for MCP server definitions: " + e.getMessage());
        }
        return servers;
    }
}
