package com.verivus.dag.validate;

import com.verivus.dag.graph.CycleFinder;
import java.util.ArrayList;
import java.util.List;

/** {@code depends_on} must be acyclic; each cycle is printed once, from its smallest unit, closed. */
final class CycleRule implements DagRule {

    static final int LIMIT = 100;

    @Override
    public void check(RuleContext context, Diagnostics out) {
        CycleFinder.Cycles cycles = CycleFinder.find(context.graph(), LIMIT);
        for (List<String> cycle : cycles.cycles()) {
            List<String> closed = new ArrayList<>(cycle);
            closed.add(cycle.getFirst());
            out.error("cycle in depends_on: " + String.join(" -> ", closed));
        }
        if (cycles.truncated()) {
            out.error("cycle in depends_on: more cycles exist; only the first " + cycles.cycles().size()
                    + " are listed");
        }
    }
}
