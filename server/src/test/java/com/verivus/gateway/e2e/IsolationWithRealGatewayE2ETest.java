package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.gateway.testing.GatewayProcess;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-project isolation DAG executed the way a user runs it ({@code ./jbang isolate@verivus --repo R})
 * against the REAL gateway (the built classes): started over HTTP by {@code --gateway-command}, or over
 * stdio exactly as Claude Code's configuration says; the health gate reads the gateway's own process
 * health, so it proves the gateway found the project's config by itself (nothing passes it
 * LLM_GATEWAY_CONFIG) and that the job store moved into the repository. The last test has the real Claude
 * Code CLI start the gateway.
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
        return isolate(home, extraEnv, args);
    }

    private Outcome isolate(Path userHome, Map<String, String> extraEnv, String... args) throws Exception {
        Path root = GatewayProcess.repoRoot();
        List<String> command = new ArrayList<>();
        command.add(root.resolve("jbang").toString());
        command.add("isolate@verivus");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = builder.environment();
        String cache = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        env.keySet().removeIf(k -> k.startsWith("LLM_GATEWAY_") || k.startsWith("JBANG_"));
        env.put("HOME", userHome.toString());
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
        assertThat(health.at("/sources/selectedBy").asText()).as("found by the gateway itself").isEqualTo("approved project");
        assertThat(Files.readAllLines(home.resolve(".llm-cli-gateway/approved-projects"))).contains(repo.toString());
        assertThat(repo.resolve(".claude")).doesNotExist();
        assertThat(first.err()).doesNotContain("root key `policy`");

        String gitignore = Files.readString(repo.resolve(".gitignore"));
        String config = Files.readString(repo.resolve(".gateway/config.toml"));
        Outcome second = isolate(Map.of(), "--repo", repo.toString(), "--gateway-command", realGatewayCommand());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(Files.readString(repo.resolve(".gitignore"))).isEqualTo(gitignore);
        assertThat(Files.readString(repo.resolve(".gateway/config.toml"))).isEqualTo(config);
    }

    /** The real gateway as a stdio server entry named llm-cli-gateway, as ~/.claude.json or .mcp.json holds it. */
    private static String serverEntry(String command, List<String> args) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode server = root.putObject("mcpServers").putObject("llm-cli-gateway");
        server.put("type", "stdio").put("command", command);
        args.forEach(server.putArray("args")::add);
        return root.toPrettyString();
    }

    private static List<String> realGatewayStdioArgs() {
        return List.of("--enable-native-access=ALL-UNNAMED", "-cp", GatewayProcess.classpath(),
                "com.verivus.gateway.cli.GatewayCommand");
    }

    @Test
    void u05GoesThroughClaudeCodesConfiguredServerOverStdio() throws Exception {
        Path userHome = Files.createDirectories(work.resolve("claude-config-home"));
        Files.writeString(userHome.resolve(".claude.json"), serverEntry(
                GatewayProcess.javaHome().resolve("bin/java").toString(), realGatewayStdioArgs()));
        Path repo = gitRepo("configured");
        Path report = work.resolve("configured-report.json");

        Outcome run = isolate(userHome, Map.of(), "--repo", repo.toString(), "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(report.toFile());
        assertThat(json.at("/units/3/stdout_tail").toString()).contains("~/.claude.json (user scope)").contains("over stdio");
        assertThat(json.at("/units/4/stdout_tail").toString()).contains("tools/call llm_process_health over stdio");
        JsonNode health = JSON.readTree(json.at("/units/4/verification_quote").asText());
        assertThat(health.at("/sources/configFile").asText()).isEqualTo(repo.resolve(".gateway/config.toml").toString());
        assertThat(health.at("/sources/selectedBy").asText()).isEqualTo("approved project");
        assertThat(health.path("path").asText()).isEqualTo(repo.resolve(".gateway/logs.db").toString());
        assertThat(userHome.resolve(".llm-cli-gateway/logs.db")).doesNotExist();
    }

    /**
     * The real Claude Code CLI from npm, not logged in (it starts its MCP servers all the same): after
     * isolate, `claude -p` in the repository starts the server (user scope, then .mcp.json), a wrapper that
     * records what it was given and runs the real gateway, and that gateway opens the repository's logs.db.
     */
    @Test
    void realClaudeCodeStartsTheGatewayInTheIsolatedRepositoryAndItUsesTheRepositorysStore() throws Exception {
        Optional<Path> claude = ClaudeCodeCli.locate();
        if (claude.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("the Claude Code CLI is not installed; install it: " + ClaudeCodeCli.INSTALL);
            }
            Assumptions.abort("the Claude Code CLI is not installed (" + ClaudeCodeCli.INSTALL + ")");
        }
        Path userHome = Files.createDirectories(work.resolve("claude-home"));
        Path record = work.resolve("claude-wrapper.txt");
        Path gatewayLog = work.resolve("claude-gateway.log");
        Path wrapper = work.resolve("gateway-wrapper.sh");
        Files.writeString(wrapper, "#!/bin/sh\n"
                + "echo \"pid=$$ cwd=$(pwd) LLM_GATEWAY_CONFIG=${LLM_GATEWAY_CONFIG-unset}\" >> '" + record + "'\n"
                + "exec '" + GatewayProcess.javaHome().resolve("bin/java") + "' \"$@\" 2>> '" + gatewayLog + "'\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(userHome.resolve(".claude.json"), serverEntry(wrapper.toString(), realGatewayStdioArgs()));
        Path repo = gitRepo("claude-project");

        Outcome isolated = isolate(userHome, Map.of(), "--repo", repo.toString());
        assertThat(isolated.exitCode()).as(isolated.err()).isZero();
        // a user-scope server, then the same server as a committed .mcp.json (what print-client-config prints)
        claudeStartsTheGatewayWithTheRepositorysStore(claude.get(), userHome, repo, record, gatewayLog);
        String server = serverEntry(wrapper.toString(), realGatewayStdioArgs());
        Files.writeString(userHome.resolve(".claude.json"), "{}");
        Files.writeString(repo.resolve(".mcp.json"), server);
        claudeStartsTheGatewayWithTheRepositorysStore(claude.get(), userHome, repo, record, gatewayLog);
    }

    private void claudeStartsTheGatewayWithTheRepositorysStore(Path claude, Path userHome, Path repo, Path record,
                                                               Path gatewayLog) throws Exception {
        // isolate's own check (or the previous run) opened the store too: start from nothing
        for (String name : List.of("logs.db", "logs.db-wal", "logs.db-shm")) {
            Files.deleteIfExists(repo.resolve(".gateway").resolve(name));
        }
        Files.deleteIfExists(record);
        Files.deleteIfExists(gatewayLog);

        ProcessBuilder builder = new ProcessBuilder(claude.toString(), "-p", "hi").directory(repo.toFile())
                .redirectInput(new File("/dev/null")).redirectErrorStream(true)
                .redirectOutput(work.resolve("claude-output.txt").toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        builder.environment().put("HOME", userHome.toString());
        builder.environment().put("LANG", "C.UTF-8");
        Process cli = builder.start();
        assertThat(cli.waitFor(120, TimeUnit.SECONDS)).as("claude -p finished").isTrue();

        assertThat(record).as("Claude Code started the server; its output: "
                + Files.readString(work.resolve("claude-output.txt"))).exists();
        String recorded = Files.readString(record);
        assertThat(recorded).contains("cwd=" + repo).contains("LLM_GATEWAY_CONFIG=unset");
        long pid = Long.parseLong(recorded.replaceAll("(?s).*?pid=(\\d+).*", "$1"));
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).join());
        assertThat(Files.readString(gatewayLog)).contains("Using the approved project configuration "
                + repo.resolve(".gateway/config.toml"));
        assertThat(repo.resolve(".gateway/logs.db")).exists();
        assertThat(userHome.resolve(".llm-cli-gateway/logs.db")).doesNotExist();
    }

    @Test
    void anMcpJsonPrintedByPrintClientConfigIsAcceptedAsItIs() throws Exception {
        Path repo = gitRepo("printed");
        Path mcpJson = repo.resolve(".mcp.json");
        Process print = new ProcessBuilder(GatewayProcess.javaHome().resolve("bin/java").toString(), "-cp",
                GatewayProcess.classpath(), "com.verivus.gateway.cli.GatewayCommand", "print-client-config",
                "--client", "claude-code").redirectOutput(mcpJson.toFile())
                .redirectError(work.resolve("print-client-config.err").toFile()).start();
        assertThat(print.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(print.exitValue()).isZero();
        String printed = Files.readString(mcpJson);

        Outcome run = isolate(Map.of(), "--repo", repo.toString(), "--gateway-command", realGatewayCommand());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(".mcp.json declares mcpServers.llm-cli-gateway (left untouched)");
        assertThat(Files.readString(mcpJson)).isEqualTo(printed);
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
