package com.verivus.dag.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A validated implementation DAG, typed. The runtime never works from the declared {@code [computed]}
 * (kept here as data only): the validator derives the real values from the units, and the schedule
 * uses those.
 *
 * @param closureRoot the root-level {@code closure_root}, absent only in compat mode
 * @param units in document order
 * @param declaredComputed the {@code [computed]} table as written (empty if absent), as data
 * @param policy the gateway's {@code [policy.*]} tables (agent, instance, gates, evidence) as data; empty if absent
 */
public record Dag(String source, Optional<String> closureRoot, Meta meta, List<Unit> units,
                  ObjectNode declaredComputed, ObjectNode policy) {

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
        return meta.title().orElse(source);
    }

    /** A {@code [policy.<name>]} table, or an empty table. */
    public ObjectNode policy(String name) {
        JsonNode node = policy.get(name);
        return node instanceof ObjectNode table ? table : JsonNodeFactory.instance.objectNode();
    }
}
