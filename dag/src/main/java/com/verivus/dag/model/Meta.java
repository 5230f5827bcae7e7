package com.verivus.dag.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * {@code [meta]} of a validated document: the fields every kind shares, typed, and the whole table as
 * data for the kind-specific rest (spec, decomposition, created, tierN_units...).
 */
public record Meta(String schemaVersion, String templateKind, Optional<String> title, Optional<String> docs,
                   Optional<String> confidentiality, Optional<String> license, ObjectNode table) {

    public static Meta of(ObjectNode table) {
        return new Meta(table.path("schema_version").asText(), table.path("template_kind").asText(),
                text(table, "title"), text(table, "docs"), text(table, "confidentiality"), text(table, "license"), table);
    }

    private static Optional<String> text(ObjectNode table, String key) {
        JsonNode node = table.get(key);
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }
}
