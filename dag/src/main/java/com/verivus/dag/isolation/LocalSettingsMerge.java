package com.verivus.dag.isolation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Merges {@code mcpServers.<name>.env.LLM_GATEWAY_CONFIG} into the JSON of .claude/settings.local.json,
 * touching nothing else: other top-level keys, other servers, the server's other fields and its other
 * env entries all stay. A file that is not a JSON object of the expected shape is a {@link Conflict}.
 */
final class LocalSettingsMerge {

    static final String VARIABLE = "LLM_GATEWAY_CONFIG";

    sealed interface Outcome permits Merged, Conflict {
    }

    /** @param previous the value the variable had before, or null */
    record Merged(String text, boolean changed, String previous) implements Outcome {
    }

    record Conflict(String observed, String remediation) implements Outcome {
    }

    private LocalSettingsMerge() {
    }

    /** @param existing the file's text, or null when it does not exist */
    static Outcome merge(String existing, String serverName, String configPath) {
        ObjectNode root;
        if (existing == null || existing.isBlank()) {
            root = JsonText.MAPPER.createObjectNode();
        } else {
            JsonNode parsed;
            try {
                parsed = JsonText.MAPPER.readTree(existing);
            } catch (JacksonException e) {
                return new Conflict("the file is not valid JSON: " + e.getOriginalMessage(),
                        "fix the JSON (or move the file away) and re-run; isolate never overwrites settings it cannot read");
            }
            if (!(parsed instanceof ObjectNode object)) {
                return new Conflict("the file holds a JSON " + parsed.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                        + ", not an object", "make it a JSON object (or move it away) and re-run");
            }
            root = object;
        }
        ObjectNode servers;
        try {
            servers = child(root, "mcpServers");
            ObjectNode server = child(servers, serverName);
            ObjectNode env = child(server, "env");
            JsonNode previous = env.get(VARIABLE);
            if (previous != null && previous.isTextual() && previous.textValue().equals(configPath)) {
                return new Merged(existing, false, configPath);
            }
            env.put(VARIABLE, configPath);
            return new Merged(JsonText.pretty(root), true, previous == null ? null : previous.asText(previous.toString()));
        } catch (NotAnObject e) {
            return new Conflict(e.getMessage(), "make " + e.path + " a JSON object (or remove it) and re-run");
        }
    }

    private static ObjectNode child(ObjectNode parent, String key) throws NotAnObject {
        JsonNode node = parent.get(key);
        if (node == null) {
            return parent.putObject(key);
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new NotAnObject(key, node);
    }

    private static final class NotAnObject extends Exception {
        private final String path;

        NotAnObject(String key, JsonNode node) {
            super("`" + key + "` is a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not an object");
            this.path = "`" + key + "`";
        }
    }
}
