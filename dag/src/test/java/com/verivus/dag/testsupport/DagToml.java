package com.verivus.dag.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small hand-described DAG documents for tests: units with layer, dependencies and LOC; {@code blocks}
 * is written as the inverse of {@code depends_on}, and the caller supplies the {@code [computed]} text.
 */
public final class DagToml {

    private record UnitSpec(String id, String name, int layer, long loc, List<String> deps) {
    }

    private final Map<String, UnitSpec> units = new LinkedHashMap<>();
    private String header = "closure_root = \"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"\n\n"
            + "[meta]\nschema_version = \"0.1.0\"\ntemplate_kind = \"implementation-dag\"\ntitle = \"test\"\n\n";
    private String computed = "";

    public DagToml header(String text) {
        header = text;
        return this;
    }

    public DagToml unit(String id, int layer, long loc, String... deps) {
        return unit(id, "unit " + id, layer, loc, deps);
    }

    public DagToml unit(String id, String name, int layer, long loc, String... deps) {
        units.put(id, new UnitSpec(id, name, layer, loc, List.of(deps)));
        return this;
    }

    public DagToml computed(String text) {
        computed = text;
        return this;
    }

    public String text() {
        StringBuilder toml = new StringBuilder(header);
        for (UnitSpec unit : units.values()) {
            List<String> blocks = new ArrayList<>();
            units.values().stream().filter(u -> u.deps().contains(unit.id())).forEach(u -> blocks.add(u.id()));
            toml.append("[units.\"").append(unit.id()).append("\"]\n")
                    .append("name = \"").append(unit.name()).append("\"\n")
                    .append("summary = \"s\"\nlayer = ").append(unit.layer()).append("\ntier = 1\nstatus = \"pending\"\n")
                    .append("depends_on = ").append(quoted(unit.deps())).append("\n")
                    .append("blocks = ").append(quoted(blocks)).append("\n")
                    .append("estimated_loc = ").append(unit.loc()).append("\n\n");
        }
        return toml.append(computed).toString();
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
