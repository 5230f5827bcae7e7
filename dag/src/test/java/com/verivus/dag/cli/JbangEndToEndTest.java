package com.verivus.dag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.dag.testsupport.Fixtures;
import com.verivus.dag.testsupport.IsolationRun;
import com.verivus.dag.testsupport.TempRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./jbang isolate@verivus ...} from the repository root, the way a user runs it: the JBang
 * bootstrap, the catalog alias, isolate.java with its //SOURCES and //FILES, built from scratch in a
 * temp JBANG_DIR (so the user's own catalog and cache are untouched). The two tests share that
 * JBANG_DIR, so the script is compiled once.
 */
class JbangEndToEndTest {

    @TempDir
    static Path shared;

    static Path jbangDir;

    record Outcome(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void jbangHome() throws IOException {
        jbangDir = Files.createDirectories(shared.resolve("jbang-home"));
    }

    private static Outcome jbang(Map<String, String> extraEnv, String... args) throws Exception {
        Path root = Fixtures.repoRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("jbang").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = builder.environment();
        String realCache = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        env.keySet().removeIf(k -> k.startsWith("LLM_GATEWAY_") || k.startsWith("JBANG_"));
        env.put("JBANG_DIR", jbangDir.toString());
        env.put("XDG_CACHE_HOME", realCache); // the bootstrap caches the JBang jar there: no new download
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(extraEnv);
        Path out = Files.createTempFile(shared, "out", ".txt");
        Path err = Files.createTempFile(shared, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null")));
        Process process = builder.start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("jbang did not finish in 240 s: " + Files.readString(err));
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void validateTheShippedDagStrictlyThroughJbang() throws Exception {
        Outcome result = jbang(Map.of(), "isolate@verivus", "validate", "dag/per-project-isolation.dag.toml", "--strict");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("IMPLEMENTATION DAG VALIDATION PASSED")
                .contains("- critical_path: U01 -> U02 -> U03 -> U04 -> U05 (critical_path_loc 40)");
        assertThat(jbangDir.resolve("jbang-catalog.json")).content().contains("verivus");
    }

    @Test
    void runThroughJbangIsolatesARepositoryAgainstAFakeGateway() throws Exception {
        TempRepo repo = TempRepo.init(shared.resolve("repo"));
        Path home = Files.createDirectories(shared.resolve("home"));
        Path report = shared.resolve("report.json");

        Outcome result = jbang(Map.of("HOME", home.toString()), "isolate@verivus", "--repo", repo.root().toString(),
                "--gateway-command", IsolationRun.fakeGatewayCommand(), "--report", report.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("ISOLATED").contains("run /mcp in Claude Code");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.path("success").asBoolean()).isTrue();
        assertThat(json.path("dag").asText()).isEqualTo("classpath:per-project-isolation.dag.toml");
        assertThat(json.path("units")).hasSize(5);
        Path real = repo.root().toRealPath();
        assertThat(new ObjectMapper().readTree(json.at("/units/4/verification_quote").asText()).at("/sources/configFile")
                .asText()).isEqualTo(real.resolve(".gateway/config.toml").toString());
        assertThat(repo.read(".gitignore")).isEqualTo("/.gateway/\n");
        assertThat(result.err()).as("isolate reads [policy.*] itself").doesNotContain("root key `policy`");
    }

    @Test
    void theImplicitCatalogServesIsolateFromTheRepositoryWithoutTheCatalogName() throws Exception {
        Outcome result = jbang(Map.of(), "isolate", "plan", "dag/per-project-isolation.dag.toml");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("U01").contains("U05");
    }
}
