package com.verivus.gateway.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.json.NodeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether Claude Code would start this gateway: an MCP server entry in {@code ~/.claude.json} (user scope, or the
 * {@code projects.<cwd>} entry: local scope) or in {@code <cwd>/.mcp.json} (project scope) that names the gateway
 * ({@code llm-cli-gateway} / {@code llm-gateway}) or runs it ({@code gateway@verivus}). Read-only; only names,
 * commands and URLs are looked at, never an entry's env values.
 */
final class ClaudeCodeRegistration {

    private static final ObjectMapper JSON = NodeJson.MAPPER;
    private static final List<String> MARKERS = List.of("gateway@verivus", "llm-cli-gateway", "llm-gateway",
            "com.verivus.gateway");

    private ClaudeCodeRegistration() {
    }

    static Map<String, Object> probe(GatewayEnvironment env) {
        Path user = env.home().resolve(".claude.json");
        Path project = env.workingDirectory().resolve(".mcp.json");
        List<Map<String, Object>> found = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        JsonNode userConfig = read(user, unreadable);
        if (userConfig != null) {
            collect(userConfig.path("mcpServers"), "user", user, found);
            collect(userConfig.path("projects").path(env.workingDirectory().toString()).path("mcpServers"), "local",
                    user, found);
        }
        JsonNode projectConfig = read(project, unreadable);
        if (projectConfig != null) {
            collect(projectConfig.path("mcpServers"), "project", project, found);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_config_path", user.toString());
        m.put("user_config_present", Files.isRegularFile(user));
        m.put("project_config_path", project.toString());
        m.put("project_config_present", Files.isRegularFile(project));
        m.put("gateway_registered", !found.isEmpty());
        m.put("registrations", found);
        m.put("unreadable", unreadable);
        return m;
    }

    private static JsonNode read(Path file, List<String> unreadable) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(Files.readString(file));
        } catch (Exception e) {
            unreadable.add(file + " is not valid JSON");
            return null;
        }
    }

    private static void collect(JsonNode servers, String scope, Path file, List<Map<String, Object>> found) {
        servers.fieldNames().forEachRemaining(name -> {
            JsonNode entry = servers.get(name);
            if (isGateway(name, entry)) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("scope", scope);
                r.put("name", name);
                r.put("file", file.toString());
                found.add(r);
            }
        });
    }

    private static boolean isGateway(String name, JsonNode entry) {
        StringBuilder text = new StringBuilder(name);
        text.append(' ').append(entry.path("command").asText(""));
        entry.path("args").forEach(a -> text.append(' ').append(a.asText("")));
        text.append(' ').append(entry.path("url").asText(""));
        String all = text.toString().toLowerCase(Locale.ROOT);
        return MARKERS.stream().anyMatch(all::contains);
    }
}
