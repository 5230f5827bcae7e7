package com.verivus.dag.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.dag.model.DagReader;
import com.verivus.dag.testsupport.DagToml;
import com.verivus.dag.testsupport.Fixtures;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** closure_root, [meta], [computed] presence, and the strict/compat split. */
class DocumentRulesTest {

    private static final String UNITS_AND_COMPUTED = new DagToml().header("").unit("U01", 0, 5)
            .computed("[computed]\nentry_points = [\"U01\"]\n[computed.max_parallel]\nlayer0 = 1\n").text();

    private static ValidationResult validate(String toml, ValidationOptions options) throws Exception {
        return DagValidator.validate(DagReader.parse("t.toml", toml), options);
    }

    private static String meta(String version) {
        return "[meta]\nschema_version = \"" + version + "\"\ntemplate_kind = \"implementation-dag\"\n\n";
    }

    @Test
    void missingClosureRootIsAnErrorInStrictModeAndAWarningInCompatMode() throws Exception {
        String toml = meta("0.1.0") + UNITS_AND_COMPUTED;

        assertThat(validate(toml, ValidationOptions.strict()).errors())
                .singleElement().asString().startsWith("missing required root-level `closure_root` field (SPEC §12.1)");
        ValidationResult compat = validate(toml, ValidationOptions.compat());
        assertThat(compat.errors()).isEmpty();
        assertThat(compat.warnings()).singleElement().asString().contains("closure_root").endsWith("(accepted in compat mode)");
    }

    @Test
    void closureRootInsideATableIsMisplaced() throws Exception {
        String toml = meta("0.1.0").replace("[meta]\n", "[meta]\nclosure_root = \"sha256:x\"\n") + UNITS_AND_COMPUTED;

        assertThat(validate(toml, ValidationOptions.strict()).errors())
                .anyMatch(e -> e.contains("must be a root-level key before the first [table] header")
                        && e.contains("inside `[meta]`"));
    }

    @Test
    void closureRootMustBeTheEmptySentinelForASelfContainedDocument() throws Exception {
        String wrong = "closure_root = \"sha256:" + "0".repeat(64) + "\"\n" + meta("0.1.0") + UNITS_AND_COMPUTED;
        String weak = "closure_root = \"md5:d41d8cd98f00b204e9800998ecf8427e\"\n" + meta("0.1.0") + UNITS_AND_COMPUTED;
        String shortHex = "closure_root = \"sha256:abc\"\n" + meta("0.1.0") + UNITS_AND_COMPUTED;

        assertThat(validate(wrong, ValidationOptions.strict()).errors())
                .containsExactly("self-contained documents MUST use the canonical empty-closure sentinel `"
                        + ClosureRootRule.EMPTY_SHA256 + "`; got `sha256:" + "0".repeat(64) + "`");
        assertThat(validate(weak, ValidationOptions.compat()).errors()).singleElement().asString().contains("forbidden weak digest");
        assertThat(validate(shortHex, ValidationOptions.strict()).errors()).singleElement().asString().contains("hex length is 3");
    }

    @Test
    void closureRootFoldsInTheProvenanceSourceHash() throws Exception {
        String source = "sha256:" + "ab".repeat(32);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(("provenance.source_sha256 " + source + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String closure = "sha256:" + HexFormat.of().formatHex(digest);
        String toml = "closure_root = \"" + closure + "\"\n" + meta("0.1.0")
                + "[provenance]\nsource_path = \"x\"\nsource_sha256 = \"" + source + "\"\nsource_bytes = 1\n\n" + UNITS_AND_COMPUTED;

        assertThat(validate(toml, ValidationOptions.strict()).errors()).isEmpty();
        assertThat(validate(toml.replace(closure, ClosureRootRule.EMPTY_SHA256), ValidationOptions.strict()).errors())
                .singleElement().asString().contains("does not match SPEC §12.8 source-hash closure");
    }

    @Test
    void schemaVersionMajorAboveZeroIsRejectedInStrictModeOnly() throws Exception {
        String sentinel = "closure_root = \"" + ClosureRootRule.EMPTY_SHA256 + "\"\n";
        String toml = sentinel + meta("1.0.0") + UNITS_AND_COMPUTED;

        assertThat(validate(toml, ValidationOptions.strict()).errors()).containsExactly(
                "meta.schema_version `1.0.0` has major version 1, but this validator supports major version 0 only (SPEC §2.2)");
        assertThat(validate(toml, ValidationOptions.compat()).errors()).isEmpty();
        assertThat(validate(sentinel + meta("0.2.0-rc.1+build.5") + UNITS_AND_COMPUTED, ValidationOptions.strict()).errors())
                .isEmpty();
        assertThat(validate(sentinel + meta("v0.1") + UNITS_AND_COMPUTED, ValidationOptions.compat()).errors())
                .containsExactly("meta.schema_version `v0.1` is not a semantic version (MAJOR.MINOR.PATCH)");
    }

    @Test
    void metaFieldsAreChecked() throws Exception {
        String toml = "closure_root = \"" + ClosureRootRule.EMPTY_SHA256 + "\"\n[meta]\nschema_version = \"0.1.0\"\n"
                + "template_kind = \"readiness-gate\"\ndocs = \"http://example.com/?q=1\"\nconfidentiality = \"embargoed\"\n"
                + "license = \"\"\n\n" + UNITS_AND_COMPUTED;

        assertThat(validate(toml, ValidationOptions.strict()).errors()).containsExactly(
                "meta.template_kind is `readiness-gate` but this validator checks `implementation-dag` documents",
                "meta.docs must be an https:// URL without a query string, got `http://example.com/?q=1`",
                "meta.license must be a non-empty string",
                "meta.embargo_until is required when meta.confidentiality = \"embargoed\"");
    }

    @Test
    void missingComputedIsAnErrorPerLayerInStrictModeAndOneWarningInCompatMode() throws Exception {
        String toml = "closure_root = \"" + ClosureRootRule.EMPTY_SHA256 + "\"\n" + meta("0.1.0")
                + new DagToml().header("").unit("U01", 0, 5).unit("U02", 1, 5, "U01").text();

        assertThat(validate(toml, ValidationOptions.strict()).errors()).containsExactly(
                "no `[computed]` table found; the implementation-dag kind requires it (its values are derived from the units)",
                "computed.max_parallel is missing `layer0` (actual count=1)",
                "computed.max_parallel is missing `layer1` (actual count=1)");
        ValidationResult compat = validate(toml, ValidationOptions.compat());
        assertThat(compat.errors()).isEmpty();
        assertThat(compat.warnings()).containsExactly(
                "no `[computed]` table: its values are derived from the units instead (accepted in compat mode)");
        assertThat(compat.derived().critical().orElseThrow().path()).containsExactly("U01", "U02");
    }

    @Test
    void theReadmeDagHasOneCompatWarningPerDeparture() throws Exception {
        ValidationResult compat = DagValidator.validate(DagReader.read(Fixtures.readmeDag()), ValidationOptions.compat());

        assertThat(compat.errors()).isEmpty();
        assertThat(compat.warnings()).hasSize(5);
        assertThat(compat.warnings()).anyMatch(w -> w.startsWith("root key `policy`"))
                .anyMatch(w -> w.contains("closure_root"))
                .anyMatch(w -> w.contains("schema_version `1.0.0`"))
                .anyMatch(w -> w.contains("no `[computed]` table"))
                .anyMatch(w -> w.contains("`SPEC.md`"));
        assertThat(compat.dag().policy("instance").path("repo_abs_path").asText()).isEqualTo("<REPO_ABS_PATH>");
        assertThat(compat.dag().policy("gates").size()).isEqualTo(4);
    }

    @Test
    void theShippedDagIsStrictValidAndItsDeclaredComputedSectionIsRight() throws Exception {
        ValidationResult strict = DagValidator.validate(
                DagReader.read(Fixtures.repoRoot().resolve("dag/per-project-isolation.dag.toml")), ValidationOptions.strict());

        assertThat(strict.errors()).isEmpty();
        assertThat(strict.warnings()).containsExactly(
                "root key `policy` is not defined by the implementation-dag kind; kept as data, not validated");
        assertThat(strict.dag().units()).extracting(u -> u.id()).containsExactly("U01", "U02", "U03", "U04", "U05");
    }

    @Test
    void theShippedDagIsOnTheClassPath() throws Exception {
        ValidationResult result = DagValidator.validate(DagReader.readResource("per-project-isolation.dag.toml"),
                ValidationOptions.strict());

        assertThat(result.valid()).isTrue();
    }
}
