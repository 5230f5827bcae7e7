package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
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
 * The per-project isolation DAG executed the way a user runs it ({@code ./jbang isolate@verivus --repo R})
 * against the REAL gateway (the built classes, started by the executor over HTTP): the health gate reads
 * the gateway's own /process-health, so it proves that the config the executor wrote is the one the
 * gateway runs with and that the job store moved into the repository.
 */
class IsolationWithRealGatewayE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static Path jbangDir;
    private static Path home;

    record Outcome(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void homes() throws Exception {
        jbangDir = Files.createDirectories(work.resolve("jbang-home"));
        home = Files.createDirectories(work.resolve("home"));
    }

    private Path gitRepo(String name) throws Exception {
        Path repo = Files.createDirectories(work.resolve(name));
        Process git = new ProcessBuilder("git", "init", "-q", repo.toString()).redirectErrorStream(true).start();
        assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).isZero();
        return repo.toRealPath();
    }

    private static String realGatewayCommand() {
        return GatewayProcess.javaHome().resolve("bin/java") + " --enable-native-access=ALL-UNNAMED -cp "
                + GatewayProcess.classpath() + " com.verivus.gateway.cli.GatewayCommand --transport=http";
    }

    private Outcome isolate(Map<String, String> extraEnv, String... args) throws Exception {
        Path root = GatewayProcess.repoRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("jbang").toString());
        command.add("isolate@verivus");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = builder.environment();
        String cache = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        env.keySet().removeIf(k -> k.startsWith("LLM_GATEWAY_") || k.startsWith("JBANG_"));
        env.put("HOME", home.toString());
        env.put("JBANG_DIR", jbangDir.toString());
        env.put("XDG_CACHE_HOME", cache);
        env.put("JAVA_HOME", GatewayProcess.javaHome().toString());
        env.putAll(extraEnv);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null"));
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("isolate did not finish in 300 s: " + Files.readString(err));
        }
        return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void isolatesARepositoryAndTheRealGatewayConfirmsIt() throws Exception {
        Path repo = gitRepo("project");
        Path report = work.resolve("report.json");

        Outcome first = isolate(Map.of(), "--repo", repo.toString(), "--gateway-command", realGatewayCommand(),
                "--report", report.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode json = JSON.readTree(report.toFile());
        assertThat(json.path("success").asBoolean()).isTrue();
        JsonNode health = JSON.readTree(json.at("/units/4/verification_quote").asText());
        assertThat(health.at("/sources/configFile").asText()).as(json.toPrettyString()).isEqualTo(repo.resolve(".gateway/config.toml").toString());
        assertThat(health.path("path").asText()).isEqualTo(repo.resolve(".gateway/logs.db").toString());
        assertThat(health.path("dbPath").asText()).isEqualTo(repo.resolve(".gateway/logs.db").toString());
        assertThat(health.path("dataDir").asText()).isEqualTo(repo.resolve(".gateway").toString());
        // the gateway really ran with the project's store: it created the database there, not in HOME
        assertThat(repo.resolve(".gateway/logs.db")).exists();
        assertThat(home.resolve(".llm-cli-gateway/logs.db")).doesNotExist();
        JsonNode settings = JSON.readTree(repo.resolve(".claude/settings.local.json").toFile());
        assertThat(settings.at("/mcpServers/llm-gateway/env/LLM_GATEWAY_CONFIG").asText())
                .isEqualTo(repo.resolve(".gateway/config.toml").toString());

        String gitignore = Files.readString(repo.resolve(".gitignore"));
        String config = Files.readString(repo.resolve(".gateway/config.toml"));
        Outcome second = isolate(Map.of(), "--repo", repo.toString(), "--gateway-command", realGatewayCommand());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.readString(repo.resolve(".gitignore"))).isEqualTo(gitignore);
        assertThat(Files.readString(repo.resolve(".gateway/config.toml"))).isEqualTo(config);
    }

    @Test
    void aLegacyEnvironmentOverrideIsAFindingAndStopsTheRun() throws Exception {
        Path repo = gitRepo("leaky");
        Path report = work.resolve("leaky-report.json");

        Outcome run = isolate(Map.of("LLM_GATEWAY_LOGS_DB", "/tmp/elsewhere.db"), "--repo", repo.toString(),
                "--gateway-command", realGatewayCommand(), "--report", report.toString());

        assertThat(run.exitCode()).isNotZero();
        JsonNode json = JSON.readTree(report.toFile());
        assertThat(json.path("success").asBoolean()).isFalse();
        assertThat(json.toString()).contains("gate_no_legacy_env_leak").contains("LLM_GATEWAY_LOGS_DB");
    }
}
