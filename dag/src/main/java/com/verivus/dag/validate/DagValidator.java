package com.verivus.dag.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.dag.graph.DerivedComputed;
import com.verivus.dag.graph.UnitGraph;
import com.verivus.dag.model.DagDocument;
import java.util.List;
import java.util.Map;

/**
 * Validates an implementation-dag document against the agent-assurance spec. The unit-level checks
 * run in the reference validator's order, with its wording, so the shared conformance corpus can
 * judge this implementation; document-level checks (closure_root, [meta]) run first.
 */
public final class DagValidator {

    private static final List<DagRule> DOCUMENT_RULES = List.of(new ClosureRootRule(), new MetaFieldRule());
    private static final List<DagRule> UNIT_RULES = List.of(new EdgeRule(), new CycleRule(), new ArtifactRule(),
            new LayerOrderRule(), new MetaCountRule(), new ComputedRule(), new PathRule());

    private DagValidator() {
    }

    public static ValidationResult validate(DagDocument document, ValidationOptions options) {
        Diagnostics out = new Diagnostics(options.mode());
        Map<String, JsonNode> units = document.units();
        UnitGraph graph = UnitGraph.of(units);
        DerivedComputed derived = DerivedComputed.of(graph);
        RuleContext context = new RuleContext(document, units, graph, derived, options);
        for (DagRule rule : DOCUMENT_RULES) {
            rule.check(context, out);
        }
        if (units.isEmpty()) {
            out.error("no `units` table found");
        } else {
            new UnitFieldRule().check(context, out);
            for (DagRule rule : UNIT_RULES) {
                rule.check(context, out);
            }
        }
        return new ValidationResult(document, options.mode(), out.all(), graph, derived);
    }
}
