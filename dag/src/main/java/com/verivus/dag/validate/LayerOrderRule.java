package com.verivus.dag.validate;

import com.verivus.dag.graph.UnitGraph;

/** INV04: a unit sits in a strictly higher layer than every unit it depends on. */
final class LayerOrderRule implements DagRule {

    @Override
    public void check(RuleContext context, Diagnostics out) {
        UnitGraph graph = context.graph();
        for (String u : graph.ids()) {
            Integer ul = graph.layer(u);
            if (ul == null) {
                continue;
            }
            for (String d : graph.dependsOn(u)) {
                Integer dl = graph.contains(d) ? graph.layer(d) : null;
                if (dl != null && ul <= dl) {
                    out.error("layer ordering: " + u + " (layer=" + ul + ") depends_on " + d + " (layer=" + dl
                            + ") \u2014 a depender must be in a strictly higher layer");
                }
            }
        }
    }
}
