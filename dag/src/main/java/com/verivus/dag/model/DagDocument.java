package com.verivus.dag.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed DAG-TOML document, kept as the raw TOML tree. Validation works on this untyped form because
 * it has to describe documents that are wrong (a string where a number belongs, a missing field); the
 * typed {@link Dag} is only built from documents that passed.
 *
 * @param source where the text came from (a file path or a classpath name), for messages
 * @param root the whole document
 */
public record DagDocument(String source, ObjectNode root) {

    /** The root-level keys defined by the implementation-dag kind; anything else is an extension. */
    public static final java.util.Set<String> KIND_ROOT_KEYS =
            java.util.Set.of("closure_root", "meta", "units", "computed", "provenance");

    public ObjectNode meta() {
        return table("meta").orElseGet(JsonNodeFactory.instance::objectNode);
    }

    public Optional<ObjectNode> table(String name) {
        JsonNode node = root.get(name);
        return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
    }

    public boolean has(String rootKey) {
        return root.has(rootKey);
    }

    /** The {@code [units.*]} entries in document order; entries that are not tables map to their raw node. */
    public Map<String, JsonNode> units() {
        Map<String, JsonNode> units = new LinkedHashMap<>();
        table("units").ifPresent(table -> table.properties().forEach(e -> units.put(e.getKey(), e.getValue())));
        return units;
    }

    public ObjectNode computed() {
        return table("computed").orElseGet(JsonNodeFactory.instance::objectNode);
    }
}
