package com.verivus.dag.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.dag.graph.UnitGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** INV02 (one producer per artifact), INV03 (every consumed artifact is produced) and the ART:/OUT: prefixes. */
final class ArtifactRule implements DagRule {

    private static boolean prefixed(String artifact) {
        return artifact.startsWith("ART:") || artifact.startsWith("OUT:");
    }

    @Override
    public void check(RuleContext context, Diagnostics out) {
        Map<String, List<String>> producers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> unit : context.units().entrySet()) {
            for (String art : UnitGraph.strings(unit.getValue().get("produces"))) {
                producers.computeIfAbsent(art, k -> new ArrayList<>()).add(unit.getKey());
            }
        }
        producers.forEach((art, ps) -> {
            if (!prefixed(art)) {
                out.error(ps.getFirst() + ": produces `" + art + "` has unrecognized prefix (expected ART: or OUT:)");
            }
            if (ps.size() > 1) {
                out.error("artifact `" + art + "` has multiple producers: " + PythonText.list(ps.stream().sorted().toList()));
            }
        });
        for (Map.Entry<String, JsonNode> unit : context.units().entrySet()) {
            for (String art : UnitGraph.strings(unit.getValue().get("consumes"))) {
                if (!prefixed(art)) {
                    out.error(unit.getKey() + ": consumes `" + art
                            + "` has unrecognized prefix (expected ART: or OUT:)");
                } else if (!producers.containsKey(art)) {
                    out.error(unit.getKey() + ": consumes `" + art
                            + "` which is not produced by any unit in the DAG");
                }
            }
        }
    }
}
