package com.verivus.dag.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.verivus.dag.model.DagReader;
import com.verivus.dag.testsupport.CliRun;
import com.verivus.dag.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent-assurance implementation-dag conformance corpus, judged the way upstream's runner judges
 * a validator: valid documents exit 0; invalid ones exit 1 and the combined stdout+stderr contains
 * every {@code error_contains} needle and none of the {@code error_not_contains} ones
 * (case-insensitively).
 */
class ConformanceCorpusTest {

    static Stream<Path> validCases() {
        return Fixtures.tomlFiles(Fixtures.implementationDag().resolve("valid")).stream();
    }

    static Stream<Path> invalidCases() {
        return Fixtures.tomlFiles(Fixtures.implementationDag().resolve("invalid")).stream();
    }

    @Test
    void corpusHasTheDocumentedNumberOfCases() {
        assertThat(validCases()).hasSize(3);
        assertThat(invalidCases()).hasSize(18);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCases")
    void validCaseIsAcceptedInStrictMode(Path file) throws Exception {
        ValidationResult result = DagValidator.validate(DagReader.read(file), ValidationOptions.strict());
        assertThat(result.errors()).as(file.getFileName().toString()).isEmpty();

        CliRun cli = CliRun.of("validate", file.toString(), "--strict");
        assertThat(cli.exitCode()).as(cli.combined()).isZero();
        assertThat(cli.out()).startsWith("IMPLEMENTATION DAG VALIDATION PASSED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void invalidCaseIsRejectedWithThePinnedWording(Path file) throws Exception {
        Expectation expected = Expectation.of(file);
        assertThat(expected.contains()).as("sidecar of " + file).isNotEmpty();

        CliRun cli = CliRun.of("validate", file.toString());
        assertThat(cli.exitCode()).as(cli.combined()).isEqualTo(1);
        String output = cli.combined().toLowerCase(Locale.ROOT);
        assertThat(cli.out()).startsWith("IMPLEMENTATION DAG VALIDATION FAILED");
        for (String needle : expected.contains()) {
            assertThat(output).as("output of %s:%n%s", file.getFileName(), cli.combined())
                    .contains(needle.toLowerCase(Locale.ROOT));
        }
        for (String needle : expected.notContains()) {
            assertThat(output).as("output of %s:%n%s", file.getFileName(), cli.combined())
                    .doesNotContain(needle.toLowerCase(Locale.ROOT));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void invalidCaseStaysInvalidInCompatMode(Path file) throws Exception {
        ValidationResult result = DagValidator.validate(DagReader.read(file), ValidationOptions.compat());
        assertThat(result.valid()).as(file.getFileName().toString()).isFalse();
    }

    @Test
    void bundledCopyOfTheCorpusMatchesTheSharedOne() throws Exception {
        Path shared = Fixtures.root();
        Path bundled = Fixtures.bundled();
        if (shared.equals(bundled)) {
            return; // only the bundled copy exists here (e.g. CI): nothing to compare against
        }
        List<Path> sharedFiles = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(shared)) {
            walk.filter(Files::isRegularFile).forEach(sharedFiles::add);
        }
        assertThat(sharedFiles).isNotEmpty();
        for (Path file : sharedFiles) {
            Path copy = bundled.resolve(shared.relativize(file).toString());
            assertThat(copy).as("bundled copy of " + file).exists();
            assertThat(Files.readAllBytes(copy)).as(copy.toString()).isEqualTo(Files.readAllBytes(file));
        }
    }

    /** An {@code <name>.expected.toml} sidecar. */
    record Expectation(List<String> contains, List<String> notContains) {

        static Expectation of(Path file) throws Exception {
            Path sidecar = file.resolveSibling(file.getFileName().toString().replace(".toml", ".expected.toml"));
            JsonNode node = new TomlMapper().readTree(Files.readString(sidecar));
            return new Expectation(strings(node.get("error_contains")), strings(node.get("error_not_contains")));
        }

        private static List<String> strings(JsonNode node) {
            List<String> values = new ArrayList<>();
            if (node != null) {
                node.forEach(n -> values.add(n.asText()));
            }
            return values;
        }
    }
}
