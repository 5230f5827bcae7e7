package com.verivus.gateway.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.GatewayProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JBang entry scripts list the same dependencies as the Maven modules whose sources they pull in
 * ({@code //SOURCES server/...} → server/pom.xml, {@code dag/...} → dag/pom.xml); a stub without module
 * sources is held to its module's set as a subset (gateway and doctor: server, isolate: dag).
 */
class EntryScriptDependencyDriftTest {

    private static final Path ROOT = GatewayProcess.repoRoot();

    private static List<String> drift(Path root, String script, String defaultModule) throws IOException {
        EntryScript entry = EntryScript.read(root.resolve(script));
        Set<String> modules = new LinkedHashSet<>();
        for (String glob : entry.sources()) {
            String first = glob.split("/")[0];
            if (Files.exists(root.resolve(first).resolve("pom.xml"))) {
                modules.add(first);
            }
        }
        boolean exact = !modules.isEmpty();
        if (modules.isEmpty()) {
            modules.add(defaultModule);
        }
        List<ModulePom> poms = new ArrayList<>();
        for (String module : modules) {
            poms.add(ModulePom.read(root.resolve(module).resolve("pom.xml"), root.resolve("pom.xml")));
        }
        return DependencyDrift.problems(entry, poms, exact);
    }

    @Test
    void gatewayJavaDeclaresTheServerModulesDependencies() throws IOException {
        assertThat(EntryScript.read(ROOT.resolve("gateway.java")).sources()).isNotEmpty();
        assertThat(drift(ROOT, "gateway.java", "server")).isEmpty();
    }

    @Test
    void doctorJavaDeclaresNoDependencyTheServerModuleLacks() throws IOException {
        assertThat(drift(ROOT, "doctor.java", "server")).isEmpty();
    }

    @Test
    void isolateJavaDeclaresNoDependencyTheDagModuleLacks() throws IOException {
        assertThat(drift(ROOT, "isolate.java", "dag")).isEmpty();
    }

    /** The checker itself, on copies of the real files with one drift each. */
    @Nested
    class DetectsDrift {

        @TempDir
        Path copy;

        private void copyRepoFiles() throws IOException {
            for (String f : List.of("pom.xml", "server/pom.xml", "dag/pom.xml", "gateway.java", "doctor.java",
                    "isolate.java")) {
                Files.createDirectories(copy.resolve(f).getParent());
                Files.copy(ROOT.resolve(f), copy.resolve(f));
            }
        }

        private void edit(String file, String from, String to) throws IOException {
            String text = Files.readString(copy.resolve(file));
            assertThat(text).contains(from);
            Files.writeString(copy.resolve(file), text.replace(from, to));
        }

        @Test
        void anUnchangedCopyHasNoDrift() throws IOException {
            copyRepoFiles();
            assertThat(drift(copy, "gateway.java", "server")).isEmpty();
        }

        @Test
        void aDependencyThePomLacks() throws IOException {
            copyRepoFiles();
            edit("gateway.java", "//DEPS info.picocli:picocli:4.7.7", "//DEPS info.picocli:picocli:4.7.7 org.example:extra:1.0");
            assertThat(drift(copy, "gateway.java", "server")).singleElement().asString()
                    .contains("declares org.example:extra but the pom does not depend on it");
        }

        @Test
        void aPomDependencyTheScriptLacks() throws IOException {
            copyRepoFiles();
            edit("gateway.java", "//DEPS org.xerial:sqlite-jdbc:3.54.1.0\n", "");
            assertThat(drift(copy, "gateway.java", "server")).singleElement().asString()
                    .contains("lacks org.xerial:sqlite-jdbc");
        }

        @Test
        void aVersionChangedThroughAParentProperty() throws IOException {
            copyRepoFiles();
            edit("pom.xml", "<picocli.version>4.7.7</picocli.version>", "<picocli.version>4.7.6</picocli.version>");
            assertThat(drift(copy, "gateway.java", "server")).singleElement().asString()
                    .contains("pins info.picocli:picocli:4.7.7 but the pom uses 4.7.6");
            assertThat(drift(copy, "doctor.java", "server")).singleElement().asString()
                    .contains("pins info.picocli:picocli:4.7.7 but the pom uses 4.7.6");
        }

        @Test
        void anUnpinnedEntryThatMavenPins() throws IOException {
            copyRepoFiles();
            edit("gateway.java", "//DEPS org.xerial:sqlite-jdbc:3.54.1.0", "//DEPS org.xerial:sqlite-jdbc");
            assertThat(drift(copy, "gateway.java", "server")).singleElement().asString()
                    .contains("leaves the version of org.xerial:sqlite-jdbc open but the pom pins 3.54.1.0");
        }

        @Test
        void aBomVersionThatDiffersFromTheParentPom() throws IOException {
            copyRepoFiles();
            edit("gateway.java", "helidon-dependencies:4.5.0@pom", "helidon-dependencies:4.4.0@pom");
            assertThat(drift(copy, "gateway.java", "server")).singleElement().asString()
                    .contains("imports BOM io.helidon:helidon-dependencies:4.4.0@pom but the parent pom imports "
                            + "io.helidon:helidon-dependencies:4.5.0@pom");
        }

        @Test
        void testScopedPomDependenciesAreNotExpectedInTheScript() throws IOException {
            copyRepoFiles();
            assertThat(ModulePom.read(copy.resolve("server/pom.xml"), copy.resolve("pom.xml")).dependencies())
                    .extracting(Coordinate::key).doesNotContain("org.junit.jupiter:junit-jupiter",
                            "org.assertj:assertj-core");
        }

        @Test
        void aStubScriptMayDeclareASubsetButNothingForeign() throws IOException {
            copyRepoFiles();
            assertThat(drift(copy, "isolate.java", "dag")).isEmpty();
            edit("isolate.java", "//DEPS info.picocli:picocli:4.7.7", "//DEPS info.picocli:picocli:4.7.7\n"
                    + "//DEPS org.xerial:sqlite-jdbc:3.54.1.0");
            assertThat(drift(copy, "isolate.java", "dag")).singleElement().asString()
                    .contains("declares org.xerial:sqlite-jdbc but the pom does not depend on it");
        }
    }

    @Test
    void jbangCoordinatesParseWithAndWithoutVersionAndType() {
        assertThat(EntryScript.parse("io.helidon:helidon-dependencies:4.5.0@pom"))
                .isEqualTo(new Coordinate("io.helidon", "helidon-dependencies", "4.5.0", true));
        assertThat(EntryScript.parse("com.fasterxml.jackson.core:jackson-databind"))
                .isEqualTo(new Coordinate("com.fasterxml.jackson.core", "jackson-databind", null, false));
        assertThat(EntryScript.parse("dev.jbang:jbang-cli:0.132.1:all"))
                .isEqualTo(new Coordinate("dev.jbang", "jbang-cli", "0.132.1", false));
    }
}
