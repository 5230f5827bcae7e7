package com.verivus.dag.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.dag.graph.DerivedComputed;
import com.verivus.dag.graph.UnitGraph;
import com.verivus.dag.model.DagDocument;
import java.util.Map;

/** What every rule may look at: the raw document, its lenient graph view and the derived section. */
record RuleContext(DagDocument document, Map<String, JsonNode> units, UnitGraph graph, DerivedComputed derived,
                   ValidationOptions options) {
}
