package com.verivus.dag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.dag.testsupport.CliRun;
import com.verivus.dag.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolateCommandTest {

    @TempDir
    Path temp;

    private static String shipped() {
        return Fixtures.repoRoot().resolve("dag/per-project-isolation.dag.toml").toString();
    }

    @Test
    void validateJsonReportsErrorsWarningsAndTheDerivedComputedSection() throws Exception {
        CliRun run = CliRun.of("validate", Fixtures.readmeDag().toString(), "--compat", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("valid").asBoolean()).isTrue();
        assertThat(json.path("mode").asText()).isEqualTo("compat");
        assertThat(json.path("warnings")).hasSize(5);
        assertThat(json.at("/derived_computed/critical_path_loc").asLong()).isEqualTo(40);
        assertThat(json.at("/derived_computed/max_parallel/layer4").asInt()).isEqualTo(1);

        CliRun strict = CliRun.of("validate", Fixtures.readmeDag().toString(), "--json");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(strict.out()).path("errors").size()).isEqualTo(8);
    }

    @Test
    void strictAndCompatTogetherAreAUsageError() {
        CliRun run = CliRun.of("validate", shipped(), "--strict", "--compat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void unreadableInputExitsTwoLikeTheReferenceValidator() throws Exception {
        Path broken = Files.writeString(temp.resolve("broken.toml"), "[meta\nx = ");

        CliRun missing = CliRun.of("validate", temp.resolve("nope.toml").toString());
        CliRun invalid = CliRun.of("validate", broken.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: file not found: ");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.err()).startsWith("error: invalid TOML: ");
    }

    @Test
    void planPrintsLayersReadySetAndCriticalPath() {
        CliRun run = CliRun.of("plan", shipped());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Per-project llm-cli-gateway persistence isolation (5 units, 5 layers, 40 LOC)")
                .contains("layer 0 (max parallel 1):\n  U01 create-repo-local-data-dir [tier 1, 5 LOC, pending]")
                .contains("ready: U01 create-repo-local-data-dir")
                .contains("progress: 0/5 done (0%)")
                .contains("critical path (40 LOC): U01 -> U02 -> U03 -> U04 -> U05");
    }

    @Test
    void planOfEqualCriticalPathsListsThem() throws Exception {
        CliRun run = CliRun.of("plan", Fixtures.implementationDag().resolve("valid/diamond.toml").toString(), "--json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.at("/critical_path/loc").asLong()).isEqualTo(310);
        assertThat(json.at("/critical_path/equal_paths").asLong()).isEqualTo(1);
        assertThat(json.at("/layers/1/units").toString()).isEqualTo("[\"U02\",\"U03\"]");
        assertThat(json.path("ready").toString()).isEqualTo("[\"U01\"]");
    }

    @Test
    void planRefusesAnInvalidDag() {
        CliRun run = CliRun.of("plan", Fixtures.readmeDag().toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot plan an invalid DAG").contains("closure_root");
    }

    @Test
    void repoAloneMeansRun() {
        assertThat(com.verivus.dag.cli.IsolateCommand.withDefaultSubcommand("--repo", ".", "--dry-run"))
                .containsExactly("run", "--repo", ".", "--dry-run");
        assertThat(com.verivus.dag.cli.IsolateCommand.withDefaultSubcommand("--repo=."))
                .containsExactly("run", "--repo=.");
        assertThat(com.verivus.dag.cli.IsolateCommand.withDefaultSubcommand("validate", "x")).containsExactly("validate", "x");
    }

    @Test
    void dryRunThroughTheDefaultSubcommand() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));

        CliRun run = CliRun.of(java.util.Map.of("HOME", temp.toString()), temp, "--repo", "repo", "--dry-run", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).path("dry_run").asBoolean()).isTrue();
        assertThat(Files.list(repo)).isEmpty();
    }
}
