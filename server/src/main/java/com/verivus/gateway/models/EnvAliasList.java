package com.verivus.gateway.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.provider.CliName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an alias variable: {@code alias=target} entries separated by commas or newlines, or a JSON
 * object alias → target. For {@code LLM_GATEWAY_MODEL_ALIASES} each alias is {@code <cli>.<alias>}
 * and only the entries of the CLI asked for are returned, without the prefix.
 */
final class EnvAliasList {

    static final String GLOBAL = "LLM_GATEWAY_MODEL_ALIASES";

    record Entry(String alias, String target) {
    }

    private EnvAliasList() {
    }

    static List<Entry> parse(String value, String source, CliName cli) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String trimmed = value.strip();
        List<Entry> entries = new ArrayList<>();
        if (trimmed.startsWith("{")) {
            JsonNode parsed;
            try {
                parsed = EnvModelList.STRICT_JSON.readTree(trimmed);
            } catch (Exception e) {
                return List.of();
            }
            if (parsed.isObject()) {
                for (Map.Entry<String, JsonNode> e : parsed.properties()) {
                    if (e.getValue().isTextual()) {
                        add(entries, e.getKey(), e.getValue().asText(), source, cli);
                    }
                }
                return entries;
            }
        }
        for (String entry : trimmed.split("[,\n]")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                add(entries, entry.substring(0, eq), entry.substring(eq + 1), source, cli);
            }
        }
        return entries;
    }

    private static void add(List<Entry> entries, String rawAlias, String target, String source, CliName cli) {
        String alias = rawAlias.strip();
        if (GLOBAL.equals(source)) {
            String prefix = cli.key() + ".";
            if (!alias.startsWith(prefix)) {
                return;
            }
            alias = alias.substring(prefix.length());
        }
        entries.add(new Entry(alias, target));
    }
}
