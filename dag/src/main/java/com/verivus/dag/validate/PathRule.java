package com.verivus.dag.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.dag.graph.UnitGraph;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * File claims: {@code <...>} placeholders are rejected unless allowed (a literal {@code YYYY-MM-DD} is
 * not a placeholder for this kind), and optionally every files_modify path must exist in the repo.
 */
final class PathRule implements DagRule {

    static boolean isPlaceholder(String path) {
        return path.contains("<") || path.contains(">");
    }

    @Override
    public void check(RuleContext context, Diagnostics out) {
        ValidationOptions options = context.options();
        for (Map.Entry<String, JsonNode> unit : context.units().entrySet()) {
            for (String field : List.of("files_create", "files_modify")) {
                for (String path : UnitGraph.strings(unit.getValue().get(field))) {
                    if (isPlaceholder(path)) {
                        if (!options.allowPlaceholders()) {
                            out.error(unit.getKey() + "." + field + ": placeholder not allowed: `" + path + "`");
                        }
                        continue;
                    }
                    if (options.checkPathsExist() && field.equals("files_modify")) {
                        if (options.repoRoot() == null) {
                            out.error("--check-paths-exist requires --repo-root");
                            return;
                        }
                        if (!Files.exists(options.repoRoot().resolve(path))) {
                            out.error(unit.getKey() + ".files_modify: path does not exist under repo root: `"
                                    + path + "`");
                        }
                    }
                }
            }
        }
    }
}
