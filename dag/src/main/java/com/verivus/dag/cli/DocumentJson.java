package com.verivus.dag.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.dag.graph.CriticalPaths;
import com.verivus.dag.graph.DerivedComputed;
import com.verivus.dag.validate.ValidationResult;
import java.util.List;

/** JSON renderings of a validation result, for {@code --json}. */
final class DocumentJson {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DocumentJson() {
    }

    static ObjectNode validation(String file, ValidationResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", file);
        root.put("mode", result.mode().name().toLowerCase(java.util.Locale.ROOT));
        root.put("valid", result.valid());
        strings(root.putArray("errors"), result.errors());
        strings(root.putArray("warnings"), result.warnings());
        root.put("units", result.graph().size());
        ObjectNode layers = root.putObject("layers");
        result.derived().maxParallel().forEach((layer, count) -> layers.put(String.valueOf(layer), count));
        root.set("derived_computed", computed(result.derived()));
        return root;
    }

    /** The {@code [computed]} section as it must be, in the spec's own field names. */
    static ObjectNode computed(DerivedComputed derived) {
        ObjectNode computed = JSON.createObjectNode();
        strings(computed.putArray("entry_points"), derived.entryPoints());
        strings(computed.putArray("leaf_nodes"), derived.leafNodes());
        derived.critical().ifPresent(cp -> {
            strings(computed.putArray("critical_path"), cp.path());
            computed.put("critical_path_loc", cp.loc());
            computed.put("critical_path_count", cp.count());
        });
        ObjectNode loc = computed.putObject("loc_totals");
        loc.put("all", derived.locAll());
        derived.locByTier().forEach((tier, sum) -> loc.put("tier" + tier, sum));
        ObjectNode mp = computed.putObject("max_parallel");
        derived.maxParallel().forEach((layer, count) -> mp.put("layer" + layer, count));
        return computed;
    }

    static ArrayNode paths(ArrayNode into, CriticalPaths paths) {
        paths.examples().forEach(p -> strings(into.addArray(), p));
        return into;
    }

    static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }
}
