package com.verivus.dag.validate;

import com.verivus.dag.graph.UnitGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Self references, unknown references, duplicates, and INV01: {@code blocks} is the exact inverse of {@code depends_on}. */
final class EdgeRule implements DagRule {

    @Override
    public void check(RuleContext context, Diagnostics out) {
        UnitGraph graph = context.graph();
        for (String u : graph.ids()) {
            references(graph, u, "depends_on", graph.dependsOnAsWritten(u), out);
        }
        for (String u : graph.ids()) {
            references(graph, u, "blocks", graph.blocksAsWritten(u), out);
        }
        for (String a : graph.ids()) {
            for (String b : graph.blocks(a)) {
                if (graph.contains(b) && !graph.dependsOn(b).contains(a)) {
                    out.error("inverse mismatch: " + a + ".blocks contains `" + b + "` but " + b
                            + ".depends_on is missing `" + a + "`");
                }
            }
        }
        for (String b : graph.ids()) {
            for (String a : graph.dependsOn(b)) {
                if (graph.contains(a) && !graph.blocks(a).contains(b)) {
                    out.error("inverse mismatch: " + b + ".depends_on contains `" + a + "` but " + a
                            + ".blocks is missing `" + b + "`");
                }
            }
        }
    }

    private static void references(UnitGraph graph, String u, String field, List<String> refs, Diagnostics out) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String r : refs) {
            counts.merge(r, 1, Integer::sum);
            if (r.equals(u)) {
                out.error(u + ": " + field + " includes self");
            } else if (!graph.contains(r)) {
                out.error(u + ": " + field + " references unknown unit `" + r + "`");
            }
        }
        counts.forEach((r, n) -> {
            if (n > 1) {
                out.error(u + ": " + field + " has duplicate entry `" + r + "`");
            }
        });
    }
}
