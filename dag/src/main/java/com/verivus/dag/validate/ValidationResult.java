package com.verivus.dag.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.dag.graph.DerivedComputed;
import com.verivus.dag.graph.UnitGraph;
import com.verivus.dag.model.Dag;
import com.verivus.dag.model.DagDocument;
import com.verivus.dag.model.Meta;
import com.verivus.dag.model.Unit;
import com.verivus.dag.model.UnitStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The outcome of validating one document: its diagnostics, and the derived view used by plan and run. */
public record ValidationResult(DagDocument document, ValidationMode mode, List<Diagnostic> diagnostics,
                               UnitGraph graph, DerivedComputed derived) {

    public boolean valid() {
        return errors().isEmpty();
    }

    public List<String> errors() {
        return messages(Severity.ERROR);
    }

    public List<String> warnings() {
        return messages(Severity.WARNING);
    }

    /** The typed DAG; only a valid document has one. */
    public Dag dag() {
        if (!valid()) {
            throw new IllegalStateException(document.source() + " is not a valid implementation DAG: "
                    + String.join("; ", errors()));
        }
        List<Unit> units = new ArrayList<>();
        document.units().forEach((id, node) -> units.add(new Unit(id, node.path("name").asText(),
                node.path("summary").asText(), graph.layer(id), graph.tier(id),
                UnitStatus.of(node.path("status").asText()), UnitGraph.strings(node.get("depends_on")),
                UnitGraph.strings(node.get("blocks")), graph.loc(id), UnitGraph.strings(node.get("files_modify")),
                UnitGraph.strings(node.get("files_create")), UnitGraph.strings(node.get("produces")),
                UnitGraph.strings(node.get("consumes")))));
        JsonNode policy = document.root().get("policy");
        JsonNode closureRoot = document.root().get("closure_root");
        return new Dag(document.source(),
                closureRoot != null && closureRoot.isTextual() ? Optional.of(closureRoot.textValue()) : Optional.empty(),
                Meta.of(document.meta()), units, document.computed(),
                policy instanceof ObjectNode table ? table : JsonNodeFactory.instance.objectNode());
    }

    private List<String> messages(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).map(Diagnostic::message).toList();
    }
}
