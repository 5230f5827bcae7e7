package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.GatewayProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two clones sharing one JBang home (issue 12 §5): the global {@code verivus} catalog stays with the clone
 * that registered it while that clone exists (re-pointing it behind its back raced with its launches),
 * is taken over when that clone is gone, never loses other catalogs, and {@code ~/.jbang/bin/jbang}
 * follows it instead of staying with whichever clone wrote the launcher first.
 */
class JBangCatalogSharingE2ETest {

    @TempDir
    Path work;

    @Test
    void theVerivusCatalogIsNotRePointedWhileItsCloneLivesAndTheLauncherFollowsIt() throws Exception {
        Path a = bootstrapCopy(work.resolve("clone-a"));
        Path b = bootstrapCopy(work.resolve("clone-b"));
        Path jbangDir = work.resolve("jbang-home");
        Path catalog = jbangDir.resolve("jbang-catalog.json");

        assertThat(run(a, jbangDir, a.resolve("jbang"))).isZero();
        assertThat(Files.readString(catalog)).contains(a.resolve("jbang-catalog.json").toString());

        // clone B leaves A's live registration alone
        assertThat(run(b, jbangDir, b.resolve("jbang"))).isZero();
        assertThat(Files.readString(catalog)).contains(a.resolve("jbang-catalog.json").toString())
                .doesNotContain(b.toString());
        Path launcher = jbangDir.resolve("bin/jbang");
        assertThat(run(b, jbangDir, launcher, "--trace-launcher")).isZero();
        assertThat(Files.readString(work.resolve("ran-by"))).isEqualTo(a.toString());

        // A is gone: B takes the name over, other catalogs stay, and the launcher now runs B
        String withOther = Files.readString(catalog).replaceFirst("\"catalogs\" *: *\\{",
                "\"catalogs\": { \"other\": { \"catalog-ref\": \"/elsewhere/jbang-catalog.json\" },");
        Files.writeString(catalog, withOther);
        Files.delete(a.resolve("jbang-catalog.json"));
        assertThat(run(b, jbangDir, b.resolve("jbang"))).isZero();
        assertThat(Files.readString(catalog)).contains(b.resolve("jbang-catalog.json").toString())
                .contains("/elsewhere/jbang-catalog.json");
        assertThat(run(b, jbangDir, launcher, "--trace-launcher")).isZero();
        assertThat(Files.readString(work.resolve("ran-by"))).isEqualTo(b.toString());
    }

    /**
     * A clone with the real bootstrap whose last step, running JBang, is replaced for this test by a line
     * that records which clone ran (the catalog logic runs before it, unchanged).
     */
    private Path bootstrapCopy(Path clone) throws IOException {
        Path repo = GatewayProcess.repoRoot();
        Files.createDirectories(clone.resolve(".mvn"));
        for (String file : List.of("jbang", "jbang-catalog.json", "mvnw", ".mvn/find-jdk.sh", ".mvn/aot-train.sh")) {
            Files.copy(repo.resolve(file), clone.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        String bootstrap = Files.readString(clone.resolve("jbang"));
        String marker = "export JBANG_RUNTIME_SHELL=bash";
        assertThat(bootstrap).contains(marker);
        Files.writeString(clone.resolve("jbang"), bootstrap.replace(marker,
                "if [ \"${1:-}\" = --trace-launcher ]; then printf '%s' \"$repo\" > \"" + work.resolve("ran-by")
                        + "\"; exit 0; fi\n" + marker), StandardCharsets.UTF_8);
        return clone;
    }

    private static int run(Path dir, Path jbangDir, Path command, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(command.toString()));
        cmd.addAll(List.of(args));
        if (args.length == 0) {
            cmd.add("--trace-launcher");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("JBANG_") || k.startsWith("LLM_GATEWAY_"));
        env.put("JBANG_DIR", jbangDir.toString());
        env.put("JAVA_HOME", GatewayProcess.javaHome().toString());
        Process p = pb.redirectOutput(dir.resolve("out.txt").toFile()).start();
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("finished").isTrue();
        return p.exitValue();
    }
}
