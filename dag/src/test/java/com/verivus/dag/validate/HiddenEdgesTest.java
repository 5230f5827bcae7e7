package com.verivus.dag.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.dag.graph.CriticalPaths;
import com.verivus.dag.model.DagReader;
import com.verivus.dag.testsupport.DagToml;
import com.verivus.dag.testsupport.SyntheticDag;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases the corpus does not cover: unicode, big graphs, diamonds, ties, several cycles. */
class HiddenEdgesTest {

    private static ValidationResult strict(String toml) throws Exception {
        return DagValidator.validate(DagReader.parse("test.toml", toml), ValidationOptions.strict());
    }

    private static final String MAX1 = "[computed.max_parallel]\nlayer0 = 1\nlayer1 = 1\n";

    @Test
    void unicodeUnitNamesAreOrdinaryText() throws Exception {
        ValidationResult result = strict(new DagToml()
                .unit("U01", "データ移行 — ünïcödé 🚀", 0, 10)
                .unit("U02", "Ελληνικά", 1, 5, "U01")
                .computed(MAX1).text());

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.dag().unit("U01").orElseThrow().name()).isEqualTo("データ移行 — ünïcödé 🚀");
    }

    @Test
    void unicodeUnitIdsAreAcceptedWithAWarningAndAppearVerbatimInMessages() throws Exception {
        ValidationResult result = strict(new DagToml()
                .unit("Ü01", 0, 10, "Ü02")
                .unit("Ü02", 1, 5, "Ü01")
                .computed(MAX1).text());

        assertThat(result.warnings()).anyMatch(w -> w.startsWith("Ü01: unit id does not match"));
        assertThat(result.errors()).contains("cycle in depends_on: Ü01 -> Ü02 -> Ü01");
    }

    @Test
    void diamondHasOneCriticalPathThroughTheHeavierSide() throws Exception {
        ValidationResult result = strict(new DagToml()
                .unit("U01", 0, 100).unit("U02", 1, 50, "U01").unit("U03", 1, 200, "U01")
                .unit("U04", 2, 10, "U02", "U03")
                .computed("""
                        [computed]
                        entry_points = ["U01"]
                        leaf_nodes = ["U04"]
                        critical_path = ["U01", "U03", "U04"]
                        critical_path_loc = 310
                        [computed.max_parallel]
                        layer0 = 1
                        layer1 = 2
                        layer2 = 1
                        """).text());

        assertThat(result.errors()).isEmpty();
        CriticalPaths cp = result.derived().critical().orElseThrow();
        assertThat(cp.path()).containsExactly("U01", "U03", "U04");
        assertThat(cp.loc()).isEqualTo(310);
        assertThat(cp.count()).isEqualTo(1);
    }

    @Test
    void equalCriticalPathsAreAllCountedAndEitherMayBeDeclared() throws Exception {
        DagToml dag = new DagToml()
                .unit("U01", 0, 100).unit("U02", 1, 50, "U01").unit("U03", 1, 50, "U01")
                .unit("U04", 2, 10, "U02", "U03").unit("U05", 2, 10, "U02", "U03");
        String maxParallel = "[computed.max_parallel]\nlayer0 = 1\nlayer1 = 2\nlayer2 = 2\n";
        for (List<String> path : List.of(List.of("U01", "U02", "U04"), List.of("U01", "U03", "U05"))) {
            ValidationResult result = strict(dag.computed("[computed]\ncritical_path = [\"" + String.join("\", \"", path)
                    + "\"]\ncritical_path_loc = 160\n" + maxParallel).text());
            assertThat(result.errors()).as(path.toString()).isEmpty();
            CriticalPaths cp = result.derived().critical().orElseThrow();
            assertThat(cp.loc()).isEqualTo(160);
            assertThat(cp.count()).isEqualTo(4);
            assertThat(cp.examples()).hasSize(4).contains(path);
            assertThat(cp.path()).containsExactly("U01", "U02", "U04");
        }
    }

    @Test
    void zeroLocUnitsStillGiveAPathFromAnEntryPointToALeaf() throws Exception {
        ValidationResult result = strict(new DagToml()
                .unit("U01", 0, 0).unit("U02", 1, 0, "U01").unit("U03", 2, 0, "U02")
                .computed("[computed.max_parallel]\nlayer0 = 1\nlayer1 = 1\nlayer2 = 1\n").text());

        assertThat(result.errors()).isEmpty();
        assertThat(result.derived().critical().orElseThrow().path()).containsExactly("U01", "U02", "U03");
    }

    @Test
    void eachCycleIsReportedOnceFromItsSmallestUnit() throws Exception {
        ValidationResult result = strict(new DagToml()
                .unit("U03", 0, 1, "U02").unit("U01", 0, 1, "U03").unit("U02", 0, 1, "U01")
                .unit("U05", 0, 1, "U04").unit("U04", 0, 1, "U05")
                .computed("[computed.max_parallel]\nlayer0 = 5\n").text());

        assertThat(result.errors()).filteredOn(e -> e.startsWith("cycle in depends_on")).containsExactly(
                "cycle in depends_on: U01 -> U03 -> U02 -> U01",
                "cycle in depends_on: U04 -> U05 -> U04");
        assertThat(result.derived().critical()).isEmpty();
    }

    @Test
    void twoThousandUnitDagIsValidAndItsComputedSectionMatchesTheConstruction() throws Exception {
        String toml = SyntheticDag.layered(40, 50);

        ValidationResult result = strict(toml);

        assertThat(result.errors()).isEmpty();
        assertThat(result.graph().size()).isEqualTo(2000);
        CriticalPaths cp = result.derived().critical().orElseThrow();
        assertThat(cp.loc()).isEqualTo(4000);
        assertThat(cp.count()).isEqualTo(1);
        assertThat(cp.path()).hasSize(40).startsWith("U00001").endsWith(SyntheticDag.id(39, 0, 50));
    }

    @Test
    void twoThousandUnitDagWithOneWrongComputedValueIsCaught() throws Exception {
        String toml = SyntheticDag.layered(40, 50).replace("critical_path_loc = 4000", "critical_path_loc = 3999");

        assertThat(strict(toml).errors()).containsExactly("computed.critical_path_loc=3999 but sum along path=4000");
    }

    @Test
    void longChainDoesNotOverflowTheStack() throws Exception {
        String toml = SyntheticDag.layered(3000, 1);

        ValidationResult result = strict(toml);

        assertThat(result.errors()).isEmpty();
        assertThat(result.derived().critical().orElseThrow().loc()).isEqualTo(300_000);
    }

    @Test
    void denseKnotOfCyclesIsReportedWithinALimit() throws Exception {
        DagToml dag = new DagToml();
        for (int i = 1; i <= 12; i++) {
            String[] deps = new String[11];
            int k = 0;
            for (int j = 1; j <= 12; j++) {
                if (j != i) {
                    deps[k++] = String.format("U%02d", j);
                }
            }
            dag.unit(String.format("U%02d", i), 0, 1, deps);
        }
        ValidationResult result = strict(dag.computed("[computed.max_parallel]\nlayer0 = 12\n").text());

        List<String> cycles = result.errors().stream().filter(e -> e.startsWith("cycle in depends_on")).toList();
        assertThat(cycles).hasSize(CycleRule.LIMIT + 1);
        assertThat(cycles.getLast()).contains("only the first " + CycleRule.LIMIT);
    }

    @Test
    void duplicateAndSelfReferencesInBlocksAreReported() throws Exception {
        String toml = new DagToml().unit("U01", 0, 1).unit("U02", 1, 1, "U01").computed(MAX1).text()
                .replace("blocks = [\"U02\"]", "blocks = [\"U02\", \"U02\", \"U01\"]");

        assertThat(strict(toml).errors()).contains("U01: blocks has duplicate entry `U02`", "U01: blocks includes self");
    }

    @Test
    void emptyUnitsTableIsRejected() throws Exception {
        assertThat(strict(new DagToml().text()).errors()).containsExactly("no `units` table found");
    }
}
