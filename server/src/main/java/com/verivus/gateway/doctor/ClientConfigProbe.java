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
import java.util.Map;

/**
 * Which MCP client configurations exist on this machine (presence only), Gemini's context files and
 * registered MCP servers, and Vibe's session logging: the {@code client_config} block of the report.
 */
public final class ClientConfigProbe {

    /** MCP servers the gateway may ask Gemini to allow (--allowed-mcp-server-names). */
    public static final List<String> GEMINI_WHITELIST = List.of("sqry", "exa", "ref_tools", "trstr");
    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private ClientConfigProbe() {
    }

    public static Map<String, Object> probe(GatewayEnvironment env) {
        Path h = env.home();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claude_desktop_config_present",
                Files.exists(h.resolve("Library/Application Support/Claude/claude_desktop_config.json"))
                        || Files.exists(h.resolve(".config/Claude/claude_desktop_config.json")));
        m.put("codex_config_present", Files.exists(h.resolve(".codex/config.toml")));
        m.put("gemini_settings_present", Files.exists(h.resolve(".gemini/settings.json"))
                || Files.exists(h.resolve(".config/gemini/settings.json")));
        m.put("claude_code", ClaudeCodeRegistration.probe(env));
        m.put("gemini_config", geminiConfig(env));
        m.put("vibe_session_logging", VibeSessionLogging.probe(env).toJson());
        return m;
    }

    static Map<String, Object> geminiConfig(GatewayEnvironment env) {
        Path projectMd = env.workingDirectory().resolve("GEMINI.md");
        Path userMd = env.home().resolve(".gemini/GEMINI.md");
        Path settings = env.home().resolve(".gemini/settings.json");
        boolean settingsPresent = Files.isRegularFile(settings);
        List<String> registered = new ArrayList<>();
        String settingsProblem = null;
        if (settingsPresent) {
            try {
                JsonNode servers = JSON.readTree(Files.readString(settings)).path("mcpServers");
                servers.fieldNames().forEachRemaining(registered::add);
            } catch (Exception e) {
                settingsProblem = settings + " is not valid JSON, so its mcpServers could not be read.";
            }
        }
        List<String> missing = GEMINI_WHITELIST.stream().filter(s -> !registered.contains(s)).toList();
        List<String> actions = new ArrayList<>();
        boolean projectPresent = Files.exists(projectMd);
        boolean userPresent = Files.exists(userMd);
        if (!projectPresent && !userPresent) {
            actions.add("Add " + projectMd + " (or " + userMd + " for every project) to give Gemini standing "
                    + "context for this project.");
        }
        if (!settingsPresent) {
            actions.add("Create " + settings + " with an mcpServers block (gemini mcp add <name>) to let Gemini "
                    + "use MCP servers.");
        } else if (settingsProblem != null) {
            actions.add("Fix " + settingsProblem);
        }
        if (!missing.isEmpty()) {
            // optional: gemini_request names no server unless asked, so one line is enough
            actions.add("Optional: register with Gemini the MCP servers you want gemini_request to allow by name "
                    + "(gemini mcp add <name> ...); not registered: " + String.join(", ", missing) + ".");
        }
        Map<String, Object> reconciliation = new LinkedHashMap<>();
        reconciliation.put("whitelisted", GEMINI_WHITELIST);
        reconciliation.put("missing_from_settings", missing);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project_gemini_md_present", projectPresent);
        m.put("project_gemini_md_path", projectMd.toString());
        m.put("user_gemini_md_present", userPresent);
        m.put("user_gemini_md_path", userMd.toString());
        m.put("settings_json_present", settingsPresent);
        m.put("settings_json_path", settings.toString());
        m.put("mcp_servers_registered", registered);
        m.put("mcp_reconciliation", reconciliation);
        m.put("next_actions", actions);
        return m;
    }
}
