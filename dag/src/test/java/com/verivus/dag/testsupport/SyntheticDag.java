package com.verivus.dag.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates large, valid implementation DAGs whose {@code [computed]} section is known by construction
 * (no code under test computes it): {@code layers} layers of {@code width} units; unit (L, i) depends on
 * (L-1, i) and (L-1, i+1 mod width); column 0 weighs 100 LOC and every other unit 1, so the only
 * critical path is column 0 top to bottom. Used by the hidden-edge tests and the validation benchmark.
 */
public final class SyntheticDag {

    private SyntheticDag() {
    }

    public static String id(int layer, int index, int width) {
        return String.format("U%05d", layer * width + index + 1);
    }

    public static String layered(int layers, int width) {
        StringBuilder toml = new StringBuilder();
        int total = layers * width;
        toml.append("closure_root = \"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"\n\n");
        toml.append("[meta]\nschema_version = \"0.1.0\"\ntemplate_kind = \"implementation-dag\"\n");
        toml.append("title = \"synthetic ").append(layers).append("x").append(width).append("\"\n");
        toml.append("total_units = ").append(total).append("\n");
        List<String> all = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < width; i++) {
                all.add(id(l, i, width));
            }
        }
        toml.append("tier1_units = ").append(array(all)).append("\ntier2_units = []\ntier3_units = []\n\n");
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < width; i++) {
                List<String> deps = new ArrayList<>();
                List<String> blocks = new ArrayList<>();
                if (l > 0) {
                    deps.add(id(l - 1, i, width));
                    if (width > 1) {
                        deps.add(id(l - 1, (i + 1) % width, width));
                    }
                }
                if (l < layers - 1) {
                    blocks.add(id(l + 1, i, width));
                    if (width > 1) {
                        blocks.add(id(l + 1, (i - 1 + width) % width, width));
                    }
                }
                String uid = id(l, i, width);
                toml.append("[units.").append(uid).append("]\n")
                        .append("name = \"unit-").append(l).append("-").append(i).append("\"\n")
                        .append("summary = \"Synthetic unit.\"\n")
                        .append("layer = ").append(l).append("\ntier = 1\nstatus = \"pending\"\n")
                        .append("depends_on = ").append(array(deps)).append("\n")
                        .append("blocks = ").append(array(blocks)).append("\n")
                        .append("estimated_loc = ").append(i == 0 ? 100 : 1).append("\n")
                        .append("files_modify = [\"src/").append(uid).append(".java\"]\n")
                        .append("produces = [\"ART:").append(uid).append("\"]\n")
                        .append("consumes = ").append(array(deps.stream().map(d -> "ART:" + d).toList())).append("\n\n");
            }
        }
        List<String> chain = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            chain.add(id(l, 0, width));
        }
        toml.append("[computed]\n")
                .append("entry_points = ").append(array(all.subList(0, width))).append("\n")
                .append("leaf_nodes = ").append(array(all.subList(total - width, total))).append("\n")
                .append("critical_path = ").append(array(chain)).append("\n")
                .append("critical_path_loc = ").append(100L * layers).append("\n")
                .append("loc_totals = { all = ").append((long) layers * (100 + width - 1))
                .append(", tier1 = ").append((long) layers * (100 + width - 1)).append(" }\n\n");
        toml.append("[computed.max_parallel]\n");
        for (int l = 0; l < layers; l++) {
            toml.append("layer").append(l).append(" = ").append(width).append("\n");
        }
        return toml.toString();
    }

    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
