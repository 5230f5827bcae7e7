package com.verivus.gateway.provider;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The MCP servers a request may ask the CLI to load (Claude via a generated config, Gemini by name). */
public enum McpServerName {
    SQRY("sqry"), EXA("exa"), REF_TOOLS("ref_tools"), TRSTR("trstr");

    private final String key;

    McpServerName(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static McpServerName fromKey(String key) {
        return Keys.parse(McpServerName.class, key, McpServerName::key, "mcpServers");
    }

    /**
     * Duplicates removed, first occurrence kept; null or empty → none. The Node gateway (§1.1) made both mean
     * [sqry], so every request pointed its CLI at ~/.local/bin/sqry-mcp whether it existed or not, and the list
     * could not be turned off. Here the gateway adds no MCP server the caller did not name; the CLIs still load
     * the servers configured in their own settings.
     */
    public static List<McpServerName> normalise(List<McpServerName> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(requested));
    }

    /** Same, from wire keys. */
    public static List<McpServerName> normaliseKeys(List<String> keys) {
        List<McpServerName> out = new ArrayList<>();
        if (keys != null) {
            keys.forEach(k -> out.add(fromKey(k)));
        }
        return normalise(out);
    }

    public static List<String> keys(List<McpServerName> names) {
        return names.stream().map(McpServerName::key).toList();
    }
}
