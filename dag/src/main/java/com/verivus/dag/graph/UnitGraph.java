package com.verivus.dag.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lenient graph view of the {@code [units.*]} tables: it reads whatever is there (ignoring values of
 * the wrong type, which the field rules report) so that every later rule can run even on a broken
 * document, the way the reference validator keeps collecting errors.
 */
public final class UnitGraph {

    private final List<String> ids;
    private final Map<String, Integer> order;
    private final Map<String, List<String>> dependsOnRaw;
    private final Map<String, List<String>> blocksRaw;
    private final Map<String, Set<String>> dependsOn;
    private final Map<String, Set<String>> blocks;
    private final Map<String, Integer> layers;
    private final Map<String, Long> locs;
    private final Map<String, Integer> tiers;

    private UnitGraph(Map<String, JsonNode> units) {
        ids = List.copyOf(units.keySet());
        order = new HashMap<>();
        dependsOnRaw = new HashMap<>();
        blocksRaw = new HashMap<>();
        dependsOn = new HashMap<>();
        blocks = new HashMap<>();
        layers = new HashMap<>();
        locs = new HashMap<>();
        tiers = new HashMap<>();
        for (String id : ids) {
            order.put(id, order.size());
            JsonNode unit = units.get(id);
            List<String> deps = strings(unit.get("depends_on"));
            List<String> blk = strings(unit.get("blocks"));
            dependsOnRaw.put(id, deps);
            blocksRaw.put(id, blk);
            dependsOn.put(id, Collections.unmodifiableSet(new LinkedHashSet<>(deps)));
            blocks.put(id, Collections.unmodifiableSet(new LinkedHashSet<>(blk)));
            JsonNode layer = unit.get("layer");
            if (isNonNegativeInt(layer) && layer.canConvertToInt()) {
                layers.put(id, layer.intValue());
            }
            JsonNode loc = unit.get("estimated_loc");
            if (isNonNegativeInt(loc) && loc.canConvertToLong()) {
                locs.put(id, loc.longValue());
            }
            JsonNode tier = unit.get("tier");
            if (tier != null && tier.isIntegralNumber() && tier.canConvertToInt()
                    && tier.intValue() >= 1 && tier.intValue() <= 3) {
                tiers.put(id, tier.intValue());
            }
        }
    }

    public static UnitGraph of(Map<String, JsonNode> units) {
        return new UnitGraph(units);
    }

    static boolean isNonNegativeInt(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.bigIntegerValue().signum() >= 0;
    }

    /** The string entries of an array node, in order; anything else reads as empty. */
    public static List<String> strings(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(node.size());
        node.forEach(item -> {
            if (item.isTextual()) {
                values.add(item.textValue());
            }
        });
        return List.copyOf(values);
    }

    public List<String> ids() {
        return ids;
    }

    public int size() {
        return ids.size();
    }

    public boolean contains(String id) {
        return order.containsKey(id);
    }

    /** Position in the document, used to break ties deterministically. */
    public int position(String id) {
        return order.getOrDefault(id, Integer.MAX_VALUE);
    }

    /** {@code depends_on} as written, duplicates and all. */
    public List<String> dependsOnAsWritten(String id) {
        return dependsOnRaw.getOrDefault(id, List.of());
    }

    public List<String> blocksAsWritten(String id) {
        return blocksRaw.getOrDefault(id, List.of());
    }

    /** Distinct {@code depends_on} entries, including unknown and self references. */
    public Set<String> dependsOn(String id) {
        return dependsOn.getOrDefault(id, Set.of());
    }

    public Set<String> blocks(String id) {
        return blocks.getOrDefault(id, Set.of());
    }

    /** The layer when it is a valid non-negative integer, else null. */
    public Integer layer(String id) {
        return layers.get(id);
    }

    /** estimated_loc, counting an invalid or missing value as 0 (its own rule reports it). */
    public long loc(String id) {
        return locs.getOrDefault(id, 0L);
    }

    /** The tier when it is 1, 2 or 3, else null. */
    public Integer tier(String id) {
        return tiers.get(id);
    }
}
