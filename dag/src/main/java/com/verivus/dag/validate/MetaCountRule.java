package com.verivus.dag.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.dag.graph.UnitGraph;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** {@code meta.total_units} and {@code meta.tierN_units} must describe the units table exactly. */
final class MetaCountRule implements DagRule {

    @Override
    public void check(RuleContext context, Diagnostics out) {
        ObjectNode meta = context.document().meta();
        UnitGraph graph = context.graph();
        JsonNode total = meta.get("total_units");
        if (total != null && !(total.isIntegralNumber() && total.canConvertToLong()
                && total.longValue() == graph.size())) {
            out.error("meta.total_units=" + PythonText.value(total) + " but units table has " + graph.size()
                    + " entries");
        }
        for (int tier = 1; tier <= 3; tier++) {
            String key = "tier" + tier + "_units";
            JsonNode declaredNode = meta.get(key);
            if (declaredNode == null) {
                continue;
            }
            if (!declaredNode.isArray()) {
                out.error("meta." + key + " must be an array of unit ids, got " + PythonText.value(declaredNode));
                continue;
            }
            Set<String> declared = new LinkedHashSet<>(UnitGraph.strings(declaredNode));
            Set<String> actual = new LinkedHashSet<>();
            for (String id : graph.ids()) {
                if (Integer.valueOf(tier).equals(graph.tier(id))) {
                    actual.add(id);
                }
            }
            for (String extra : new TreeSet<>(declared)) {
                if (!actual.contains(extra)) {
                    out.error("meta." + key + " lists `" + extra + "` but that unit does not have tier=" + tier);
                }
            }
            for (String missing : new TreeSet<>(actual)) {
                if (!declared.contains(missing)) {
                    out.error("meta." + key + " is missing `" + missing + "` (unit has tier=" + tier + ")");
                }
            }
        }
    }
}
