package com.verivus.dag.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.dag.graph.CriticalPaths;
import com.verivus.dag.graph.DerivedComputed;
import com.verivus.dag.graph.UnitGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * INV05: {@code [computed]} is derived, so every field that is declared is recomputed and compared.
 * {@code max_parallel} is effectively required (every occupied layer needs its key). In compat mode
 * a document without any {@code [computed]} gets one warning and is checked against nothing: the
 * runtime uses the derived values.
 */
final class ComputedRule implements DagRule {

    private static final Pattern LAYER_NUMBER = Pattern.compile("\\d+");

    @Override
    public void check(RuleContext context, Diagnostics out) {
        if (!context.document().has("computed")) {
            if (out.mode() == ValidationMode.COMPAT) {
                out.warn("no `[computed]` table: its values are derived from the units instead "
                        + "(accepted in compat mode)");
                return;
            }
            out.error("no `[computed]` table found; the implementation-dag kind requires it "
                    + "(its values are derived from the units)");
        }
        JsonNode computedNode = context.document().root().get("computed");
        if (computedNode != null && !computedNode.isObject()) {
            out.error("`computed` must be a table");
            return;
        }
        ObjectNode computed = context.document().computed();
        UnitGraph graph = context.graph();
        DerivedComputed derived = context.derived();
        compareSet(computed, "entry_points", derived.entryPoints(), "its depends_on is non-empty",
                "has empty depends_on", out);
        compareSet(computed, "leaf_nodes", derived.leafNodes(), "its blocks is non-empty", "has empty blocks", out);
        maxParallel(computed, derived, out);
        locTotals(computed, derived, out);
        criticalPath(computed, graph, derived, out);
        conflictGroups(computed, context, out);
    }

    private static void compareSet(ObjectNode computed, String key, List<String> actualList, String extraWhy,
                                   String missingWhy, Diagnostics out) {
        if (!computed.has(key)) {
            return;
        }
        Set<String> declared = new TreeSet<>(UnitGraph.strings(computed.get(key)));
        Set<String> actual = new TreeSet<>(actualList);
        for (String extra : declared) {
            if (!actual.contains(extra)) {
                out.error("computed." + key + " lists `" + extra + "` but " + extraWhy);
            }
        }
        for (String missing : actual) {
            if (!declared.contains(missing)) {
                out.error("computed." + key + " is missing `" + missing + "` (" + missingWhy + ")");
            }
        }
    }

    private static void maxParallel(ObjectNode computed, DerivedComputed derived, Diagnostics out) {
        JsonNode mpNode = computed.get("max_parallel");
        if (mpNode != null && !mpNode.isObject()) {
            out.error("computed.max_parallel must be a table of layerN = count");
            return;
        }
        ObjectNode mp = mpNode == null ? computed.objectNode() : (ObjectNode) mpNode;
        derived.maxParallel().forEach((layer, count) -> {
            String key = "layer" + layer;
            JsonNode declared = mp.get(key);
            if (declared == null) {
                out.error("computed.max_parallel is missing `" + key + "` (actual count=" + count + ")");
            } else if (!(declared.isIntegralNumber() && declared.canConvertToLong() && declared.longValue() == count)) {
                out.error("computed.max_parallel." + key + "=" + PythonText.value(declared) + " but " + count
                        + " unit(s) actually in layer " + layer);
            }
        });
        mp.properties().forEach(e -> {
            String key = e.getKey();
            if (!key.startsWith("layer")) {
                return;
            }
            String number = key.substring(5);
            if (!LAYER_NUMBER.matcher(number).matches() || number.length() > 9) {
                out.error("computed.max_parallel has malformed key `" + key + "`");
            } else if (!derived.maxParallel().containsKey(Integer.parseInt(number))) {
                out.error("computed.max_parallel." + key + "=" + PythonText.value(e.getValue())
                        + " but no units are in layer " + Integer.parseInt(number));
            }
        });
    }

    private static void locTotals(ObjectNode computed, DerivedComputed derived, Diagnostics out) {
        JsonNode loc = computed.path("loc_totals");
        JsonNode all = loc.get("all");
        if (all != null && !equalsLong(all, derived.locAll())) {
            out.error("computed.loc_totals.all=" + PythonText.value(all) + " but sum of estimated_loc="
                    + derived.locAll());
        }
        for (int tier = 1; tier <= 3; tier++) {
            JsonNode declared = loc.get("tier" + tier);
            long actual = derived.locByTier().getOrDefault(tier, 0L);
            if (declared != null && !equalsLong(declared, actual)) {
                out.error("computed.loc_totals.tier" + tier + "=" + PythonText.value(declared)
                        + " but actual sum for tier-" + tier + " units=" + actual);
            }
        }
    }

    private static void criticalPath(ObjectNode computed, UnitGraph graph, DerivedComputed derived, Diagnostics out) {
        JsonNode cpNode = computed.get("critical_path");
        JsonNode cpLoc = computed.get("critical_path_loc");
        List<String> cp = new ArrayList<>();
        if (cpNode != null && cpNode.isArray()) {
            cpNode.forEach(item -> cp.add(item.isTextual() ? item.textValue() : PythonText.value(item)));
        }
        if (cp.isEmpty()) {
            if (cpLoc != null) {
                out.error("computed.critical_path_loc=" + PythonText.value(cpLoc)
                        + " but critical_path is empty or missing");
            }
            return;
        }
        boolean badRef = false;
        for (int i = 0; i < cp.size(); i++) {
            if (!graph.contains(cp.get(i))) {
                out.error("computed.critical_path[" + i + "]=`" + cp.get(i) + "` references unknown unit");
                badRef = true;
            }
        }
        if (badRef) {
            return;
        }
        for (int i = 0; i + 1 < cp.size(); i++) {
            if (!graph.blocks(cp.get(i)).contains(cp.get(i + 1))) {
                out.error("computed.critical_path: " + cp.get(i) + " -> " + cp.get(i + 1)
                        + " is not a direct dependency edge");
            }
        }
        if (!graph.dependsOn(cp.getFirst()).isEmpty()) {
            out.error("computed.critical_path starts at `" + cp.getFirst() + "` which is not an entry point");
        }
        if (!graph.blocks(cp.getLast()).isEmpty()) {
            out.error("computed.critical_path ends at `" + cp.getLast() + "` which is not a leaf");
        }
        long actual = cp.stream().mapToLong(graph::loc).sum();
        if (cpLoc != null && !equalsLong(cpLoc, actual)) {
            out.error("computed.critical_path_loc=" + PythonText.value(cpLoc) + " but sum along path=" + actual);
        }
        Optional<CriticalPaths> longest = derived.critical();
        if (longest.isPresent() && actual < longest.get().loc()) {
            out.error("computed.critical_path LOC=" + actual + " but a longer path exists with LOC="
                    + longest.get().loc());
        }
    }

    private static void conflictGroups(ObjectNode computed, RuleContext context, Diagnostics out) {
        JsonNode groups = computed.get("conflict_groups");
        if (groups == null) {
            return;
        }
        if (!groups.isArray()) {
            out.error("computed.conflict_groups must be an array of {units, files} tables");
            return;
        }
        for (int i = 0; i < groups.size(); i++) {
            JsonNode group = groups.get(i);
            List<String> units = UnitGraph.strings(group.get("units"));
            for (String u : units) {
                if (!context.graph().contains(u)) {
                    out.error("computed.conflict_groups[" + i + "].units references unknown unit `" + u + "`");
                }
            }
            for (String f : UnitGraph.strings(group.get("files"))) {
                if (PathRule.isPlaceholder(f)) {
                    if (!context.options().allowPlaceholders()) {
                        out.error("computed.conflict_groups[" + i + "].files: placeholder not allowed: `" + f + "`");
                    }
                    continue;
                }
                for (String u : units) {
                    JsonNode unit = context.units().get(u);
                    if (unit == null) {
                        continue;
                    }
                    Set<String> files = new LinkedHashSet<>(UnitGraph.strings(unit.get("files_create")));
                    files.addAll(UnitGraph.strings(unit.get("files_modify")));
                    if (!files.contains(f)) {
                        out.error("computed.conflict_groups[" + i + "]: unit `" + u + "` does not list `" + f
                                + "` in files_create/files_modify");
                    }
                }
            }
        }
    }

    private static boolean equalsLong(JsonNode node, long value) {
        return node.isIntegralNumber() && node.canConvertToLong() && node.longValue() == value;
    }
}
