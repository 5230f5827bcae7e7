package com.verivus.gateway.provider.claude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How Claude starts one MCP server: the {@code mcpServers.<name>} entry of the generated config. */
public record McpServerDefinition(String command, List<String> args, Map<String, String> env) {

    public McpServerDefinition {
        args = List.copyOf(args);
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    McpServerDefinition withEnv(String name, String value) {
        Map<String, String> e = new LinkedHashMap<>(env);
        e.put(name, value);
        return new McpServerDefinition(command, args, e);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("args", args);
        if (!env.isEmpty()) {
            m.put("env", env);
        }
        return m;
    }
}
