package com.verivus.gateway.mcp.tools.session;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.Session;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON pieces the session tools and resources share. */
final class SessionJson {

    static final String CLI_VALUES = "claude|codex|gemini|grok|mistral";

    private SessionJson() {
    }

    static CliName cli(String key) {
        return CliName.fromKey(key).orElseThrow(() -> new IllegalArgumentException("Unknown CLI: " + key));
    }

    /** {claude: id|null, codex, gemini, grok, mistral}. */
    static Map<String, Object> activeSessions(Map<CliName, String> ids) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (CliName cli : CliName.values()) {
            json.put(cli.key(), ids.get(cli));
        }
        return json;
    }

    /** id, cli, description, createdAt, lastUsedAt: the summary sessions://all lists (absent values left out). */
    static Map<String, Object> summary(Session s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("cli", s.cli().key());
        putIfPresent(json, "description", s.description());
        putIfPresent(json, "createdAt", s.createdAt());
        putIfPresent(json, "lastUsedAt", s.lastUsedAt());
        return json;
    }

    static void putIfPresent(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
