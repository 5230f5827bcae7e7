package com.verivus.dag.graph;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code [computed]} section as it must be, derived from the units. Validators compare the
 * declared section with this; compat mode and the scheduler use it instead of anything declared.
 *
 * @param maxParallel units per occupied layer
 * @param locByTier estimated_loc summed per tier, for the tiers that have units
 * @param critical the longest paths, empty when the blocks graph has a cycle
 */
public record DerivedComputed(List<String> entryPoints, List<String> leafNodes,
                              SortedMap<Integer, Integer> maxParallel, long locAll,
                              SortedMap<Integer, Long> locByTier, Optional<CriticalPaths> critical) {

    public static DerivedComputed of(UnitGraph graph) {
        List<String> entries = graph.ids().stream().filter(id -> graph.dependsOn(id).isEmpty()).toList();
        List<String> leaves = graph.ids().stream().filter(id -> graph.blocks(id).isEmpty()).toList();
        SortedMap<Integer, Integer> perLayer = new TreeMap<>();
        SortedMap<Integer, Long> perTier = new TreeMap<>();
        long all = 0;
        for (String id : graph.ids()) {
            Integer layer = graph.layer(id);
            if (layer != null) {
                perLayer.merge(layer, 1, Integer::sum);
            }
            Integer tier = graph.tier(id);
            if (tier != null) {
                perTier.merge(tier, graph.loc(id), Long::sum);
            }
            all += graph.loc(id);
        }
        return new DerivedComputed(entries, leaves, Collections.unmodifiableSortedMap(perLayer), all,
                Collections.unmodifiableSortedMap(perTier), CriticalPaths.of(graph, 10));
    }
}
