package com.verivus.gateway.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code mcpServers} field of a response: {@code {requested, enabled, missing}} for Claude,
 * {@code {requested}} for the others (enabled and missing are null there).
 */
public record McpServersReport(List<String> requested, List<String> enabled, List<String> missing) {

    public McpServersReport {
        requested = List.copyOf(requested);
        enabled = enabled == null ? null : List.copyOf(enabled);
        missing = missing == null ? null : List.copyOf(missing);
    }

    public static McpServersReport requestedOnly(List<McpServerName> requested) {
        return new McpServersReport(McpServerName.keys(requested), null, null);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requested", requested);
        if (enabled != null) {
            m.put("enabled", enabled);
        }
        if (missing != null) {
            m.put("missing", missing);
        }
        return m;
    }
}
