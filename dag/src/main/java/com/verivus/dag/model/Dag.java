package com.verivus.dag.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A validated implementation DAG, typed. {@code [computed]} is not part of it on purpose: whatever
 * the file declares, the runtime works from values derived from the units.
 *
 * @param meta the {@code [meta]} table as data
 * @param units in document order
 * @param policy the gateway's {@code [policy.*]} tables (agent, instance, gates, evidence) as data; empty if absent
 */
public record Dag(String source, ObjectNode meta, List<Unit> units, ObjectNode policy) {

    public Dag {
        units = List.copyOf(units);
    }

    public Optional<Unit> unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    public Optional<Unit> unitNamed(String name) {
        return units.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public String title() {
        return meta.path("title").asText(source);
    }

    /** A {@code [policy.<name>]} table, or an empty table. */
    public ObjectNode policy(String name) {
        JsonNode node = policy.get(name);
        return node instanceof ObjectNode table ? table : JsonNodeFactory.instance.objectNode();
    }
}
