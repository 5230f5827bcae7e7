package com.verivus.dag.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.verivus.dag.testsupport.Fixtures;
import com.verivus.dag.testsupport.IsolationRun;
import com.verivus.dag.testsupport.TempRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isolate run} against real temporary git repositories, a temp HOME, and a fake gateway that is
 * a real process serving real HTTP on an ephemeral loopback port.
 */
class IsolationRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    TempRepo repo;
    Path real;
    Path home;
    Path work;

    @BeforeEach
    void setUp() throws IOException {
        repo = TempRepo.init(temp.resolve("my repo"));
        real = repo.root().toRealPath();
        home = Files.createDirectories(temp.resolve("home"));
        work = Files.createDirectories(temp.resolve("work"));
    }

    IsolationRun isolate() {
        return new IsolationRun(repo.root(), home, work);
    }

    @Test
    void freshRepositoryIsIsolatedAndTheHealthGateConfirmsIt() throws Exception {
        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        String config = real.resolve(".gateway/config.toml").toString();
        String db = real.resolve(".gateway/logs.db").toString();
        assertThat(real.resolve(".gateway")).isDirectory();
        assertThat(repo.read(".gitignore")).isEqualTo("/.gateway/\n");
        JsonNode toml = new TomlMapper().readTree(repo.read(".gateway/config.toml"));
        assertThat(toml.path("persistence").path("backend").asText()).isEqualTo("sqlite");
        assertThat(toml.path("persistence").path("path").asText()).isEqualTo(db).doesNotContain("~");
        assertThat(repo.resolve(".claude")).as("nothing is written for Claude Code: it would ignore it").doesNotExist();
        assertThat(Files.readAllLines(approvals())).contains(real.toString());
        assertThat(repo.resolve(".mcp.json")).doesNotExist();

        JsonNode report = result.report();
        assertThat(report.path("success").asBoolean()).isTrue();
        assertThat(report.path("repo").asText()).isEqualTo(real.toString());
        assertThat(report.path("findings")).isEmpty();
        assertThat(report.path("not_run")).isEmpty();
        for (String id : List.of("U01", "U02", "U03", "U04", "U05")) {
            JsonNode unit = result.unit(id);
            assertThat(unit.path("status").asText()).as(id).isEqualTo("completed");
            assertThat(unit.has("artefact_paths") && unit.has("stdout_tail") && unit.has("verification_quote")).isTrue();
        }
        report.path("gates").properties().forEach(g -> assertThat(g.getValue().asText()).as(g.getKey()).isEqualTo("passed"));
        assertThat(report.path("gates").size()).isEqualTo(Gate.values().length);

        String quote = result.unit("U05").path("verification_quote").asText();
        assertThat(quote).startsWith("{").endsWith("}").contains("\n    \"dbPath\": ");
        JsonNode persistence = JSON.readTree(quote);
        assertThat(persistence.at("/sources/configFile").asText()).isEqualTo(config);
        assertThat(persistence.path("path").asText()).isEqualTo(db);
        assertThat(persistence.path("dbPath").asText()).isEqualTo(db);

        JsonNode start = result.gatewayRecord().getFirst();
        assertThat(start.path("cwd").asText()).isEqualTo(real.toString());
        assertThat(start.path("config").asText()).isEqualTo(config);
        assertThat(start.path("envConfig").isNull()).as("the gateway found the config itself").isTrue();
        assertThat(start.path("port").asText()).isEqualTo("0");
        assertThat(start.path("token").asText()).hasSize(64);
        assertThat(start.path("args").toString()).contains("--transport=http");
        assertGatewayStopped(result);
        assertThat(result.err()).contains("run /mcp in Claude Code").contains("ISOLATED");
    }

    @Test
    void secondRunChangesNothingAndSucceeds() throws Exception {
        assertThat(isolate().run().exitCode()).isZero();
        Map<String, Snapshot> before = snapshot(".gitignore", ".gateway/config.toml");
        String approved = Files.readString(approvals());

        IsolationRun.Result again = isolate().run();

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(snapshot(".gitignore", ".gateway/config.toml")).isEqualTo(before);
        assertThat(Files.readString(approvals())).isEqualTo(approved);
        for (String id : List.of("U01", "U02", "U03", "U04", "U05")) {
            assertThat(again.unit(id).path("changed").asBoolean()).as(id).isFalse();
            assertThat(again.unit(id).path("status").asText()).isEqualTo("completed");
        }
        assertGatewayStopped(again);
    }

    @Test
    void anOverrideAnEarlierIsolateWroteIsReportedAsIneffectiveAndTheSettingsAreLeftAlone() throws Exception {
        String settings = """
                {
                  "permissions": {"allow": ["Bash(ls:*)"], "deny": []},
                  "mcpServers": {
                    "llm-gateway": {"env": {"LLM_GATEWAY_CONFIG": "/somewhere/.gateway/config.toml"}}
                  }
                }
                """;
        repo.write(".claude/settings.local.json", settings);

        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(repo.read(".claude/settings.local.json")).isEqualTo(settings);
        assertThat(result.unit("U03").path("stdout_tail").toString())
                .contains("mcpServers.llm-gateway.env.LLM_GATEWAY_CONFIG, which Claude Code ignores");
    }

    @Test
    void gitignoreWithoutTrailingNewlineGetsOneLinePerEntryAndNoDuplicates() throws Exception {
        repo.write(".gitignore", "node_modules/\n*.log");

        assertThat(isolate().run().exitCode()).isZero();
        assertThat(isolate().run().exitCode()).isZero();

        assertThat(repo.read(".gitignore")).isEqualTo("node_modules/\n*.log\n/.gateway/\n");
    }

    @Test
    void gitignoreThatAlreadyCoversBothPathsIsLeftAlone() throws Exception {
        repo.write(".gitignore", ".gateway\n.claude/\n");

        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(repo.read(".gitignore")).isEqualTo(".gateway\n.claude/\n");
    }

    @Test
    void mcpJsonNamingAnotherServerIsAFindingAndNothingIsRegistered() throws Exception {
        String mcpJson = "{\n  \"mcpServers\": {\n    \"gateway\": {\"command\": \"jbang\", \"args\": [\"gateway@verivus\"]}\n  }\n}\n";
        repo.write(".mcp.json", mcpJson);

        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.findings()).hasSize(1);
        JsonNode finding = result.findings().getFirst();
        assertThat(finding.path("gate_id").asText()).isEqualTo("gate_mcp_json_names_server");
        assertThat(finding.path("observed").asText()).contains("[gateway]").contains("llm-cli-gateway").contains("llm-gateway");
        assertThat(finding.path("remediation").asText()).contains("--mcp-server-name");
        assertThat(finding.path("expected").asText()).isNotBlank();
        assertThat(result.unit("U01").path("status").asText()).isEqualTo("completed");
        assertThat(result.unit("U02").path("status").asText()).isEqualTo("completed");
        assertThat(result.unit("U03").path("status").asText()).isEqualTo("failed");
        assertThat(result.notRun()).containsExactly("U04", "U05");
        assertThat(approvals()).doesNotExist();
        assertThat(repo.read(".mcp.json")).isEqualTo(mcpJson);
        assertThat(result.gatewayRecord()).isEmpty();

        IsolationRun.Result renamed = isolate().args("--mcp-server-name", "gateway").run();
        assertThat(renamed.exitCode()).as(renamed.err()).isZero();
        assertThat(Files.readAllLines(approvals())).contains(real.toString());
        assertThat(repo.read(".mcp.json")).isEqualTo(mcpJson);
    }

    @Test
    void legacyVariableInTheEnvironmentStopsTheRunBeforeAnythingIsWritten() throws Exception {
        IsolationRun.Result result = isolate().env("LLM_GATEWAY_LOGS_DB", "/tmp/old.db").run();

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode finding = result.findings().getFirst();
        assertThat(finding.path("gate_id").asText()).isEqualTo("gate_no_legacy_env_leak");
        assertThat(finding.path("observed").asText()).contains("LLM_GATEWAY_LOGS_DB").contains("environment");
        assertThat(finding.path("remediation").asText()).contains("unset LLM_GATEWAY_LOGS_DB");
        assertThat(result.report().path("units")).isEmpty();
        assertThat(result.notRun()).containsExactly("U01", "U02", "U03", "U04", "U05");
        assertThat(repo.resolve(".gateway")).doesNotExist();
        assertThat(repo.resolve(".gitignore")).doesNotExist();
    }

    @Test
    void legacyVariableInAShellInitFileIsReportedWithFileAndLine() throws Exception {
        Files.writeString(home.resolve(".bashrc"), """
                # my shell
                # export LLM_GATEWAY_LOGS_DB=/commented/out.db
                export LLM_GATEWAY_JOBS_DB="$HOME/jobs.db"
                unset LLM_GATEWAY_LOGS_DB
                """);

        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.findings()).hasSize(1);
        JsonNode finding = result.findings().getFirst();
        assertThat(finding.path("gate_id").asText()).isEqualTo("gate_no_legacy_env_leak");
        assertThat(finding.path("observed").asText()).contains(home.resolve(".bashrc") + ":3")
                .contains("export LLM_GATEWAY_JOBS_DB");
        assertThat(finding.path("remediation").asText()).contains("line 3 of " + home.resolve(".bashrc"));
    }

    @Test
    void gatewayReportingTheWrongConfigFailsTheHealthGate() throws Exception {
        IsolationRun.Result result = isolate().env("FAKE_GATEWAY_MODE", "wrong-config").run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.unit("U04").path("status").asText()).isEqualTo("completed");
        assertThat(result.unit("U05").path("status").asText()).isEqualTo("failed");
        assertThat(result.findings()).extracting(f -> f.path("gate_id").asText())
                .containsOnly("gate_health_confirms_isolation");
        JsonNode configFinding = result.findings().getFirst();
        assertThat(configFinding.path("observed").asText()).startsWith("persistence.sources.configFile = ")
                .contains(home.resolve(".llm-cli-gateway/config.toml").toString());
        assertThat(configFinding.path("expected").asText()).contains(real.resolve(".gateway/config.toml").toString());
        assertThat(configFinding.path("remediation").asText()).contains("/mcp");
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.path("observed").asText())
                .startsWith("persistence.path = ").contains(".llm-cli-gateway/logs.db"));
        assertThat(result.unit("U05").path("verification_quote").asText()).contains(".llm-cli-gateway/config.toml");
        assertThat(result.report().at("/gates/gate_health_confirms_isolation").asText()).isEqualTo("failed");
        assertThat(result.err()).contains("FAILED").contains("FINDING gate_health_confirms_isolation");
        assertGatewayStopped(result);
    }

    @Test
    void healthWithoutPathLikeTheNodeGatewayFailsTheGateOnPath() throws Exception {
        IsolationRun.Result result = isolate().env("FAKE_GATEWAY_MODE", "no-path").run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.findings()).singleElement()
                .satisfies(f -> assertThat(f.path("observed").asText()).isEqualTo("persistence.path = (absent)"));
    }

    @Test
    void gatewayThatExitsBeforeListeningIsAFindingWithItsOutput() throws Exception {
        IsolationRun.Result result = isolate().env("FAKE_GATEWAY_MODE", "exit").run();

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode finding = result.findings().getFirst();
        assertThat(finding.path("gate_id").asText()).isEqualTo("gate_gateway_reachable");
        assertThat(finding.path("observed").asText()).contains("exited with code 3");
        assertThat(result.unit("U04").path("stdout_tail").toString()).contains("simulated startup failure");
        assertThat(result.notRun()).containsExactly("U05");
    }

    @Test
    void gatewayThatNeverListensIsStoppedAfterTheStartTimeout() throws Exception {
        long started = System.nanoTime();
        IsolationRun.Result result = isolate().env("FAKE_GATEWAY_MODE", "silent").args("--start-timeout", "2").run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.findings().getFirst().path("observed").asText()).contains("within 2 s");
        assertThat(System.nanoTime() - started).isLessThan(java.time.Duration.ofSeconds(20).toNanos());
        assertGatewayStopped(result);
    }

    @Test
    void dryRunShowsWhatWouldChangeAndWritesNothing() throws Exception {
        IsolationRun.Result result = isolate().args("--dry-run").run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.report().path("dry_run").asBoolean()).isTrue();
        assertThat(repo.resolve(".gateway")).doesNotExist();
        assertThat(repo.resolve(".gitignore")).doesNotExist();
        assertThat(home.resolve(".llm-cli-gateway")).doesNotExist();
        assertThat(result.unit("U01").path("stdout_tail").toString()).contains("would create");
        assertThat(result.unit("U02").path("stdout_tail").toString()).contains("would write");
        assertThat(result.unit("U03").path("stdout_tail").toString()).contains("would approve " + real);
        assertThat(result.unit("U01").path("stdout_tail").toString())
                .contains("would have created .gitignore with `/.gateway/`");
        assertThat(result.unit("U03").path("changed").asBoolean()).isTrue();
        assertThat(result.notRun()).containsExactly("U04", "U05");
        assertThat(result.gatewayRecord()).isEmpty();
        assertThat(result.err()).contains("DRY RUN");
    }

    @Test
    void existingConfigIsMergedKeepingCommentsAndOtherSettings() throws Exception {
        repo.write(".gateway/config.toml", """
                # team defaults
                [persistence]
                retentionDays = 7 # a week is enough

                [approvals]
                policy = "strict"
                """);

        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        String text = repo.read(".gateway/config.toml");
        assertThat(text).startsWith("# team defaults\n[persistence]\n").contains("retentionDays = 7 # a week is enough")
                .contains("[approvals]\npolicy = \"strict\"");
        JsonNode toml = new TomlMapper().readTree(text);
        assertThat(toml.at("/persistence/backend").asText()).isEqualTo("sqlite");
        assertThat(toml.at("/persistence/path").asText()).isEqualTo(real.resolve(".gateway/logs.db").toString());
        assertThat(toml.at("/persistence/retentionDays").asInt()).isEqualTo(7);
    }

    @Test
    void configSelectingAnotherBackendIsAFindingAndIsNotOverwritten() throws Exception {
        String original = "[persistence]\nbackend = \"memory\"\nacknowledgeEphemeral = true\n";
        repo.write(".gateway/config.toml", original);

        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode finding = result.findings().getFirst();
        assertThat(finding.path("gate_id").asText()).isEqualTo("gate_config_backend_is_sqlite");
        assertThat(finding.path("observed").asText()).contains("\"memory\"");
        assertThat(repo.read(".gateway/config.toml")).isEqualTo(original);
        assertThat(result.notRun()).containsExactly("U03", "U04", "U05");
    }

    @Test
    void aTrackedGatewayConfigFailsTheCommitGateAndTheProjectIsNotApproved() throws Exception {
        repo.write(".gateway/config.toml", "[persistence]\nbackend = \"sqlite\"\n");
        repo.git("add", "-f", ".gateway/config.toml");

        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode finding = result.findings().getFirst();
        assertThat(finding.path("gate_id").asText()).isEqualTo("gate_config_not_committed");
        assertThat(finding.path("observed").asText()).contains("git tracks files in .gateway");
        assertThat(finding.path("remediation").asText()).contains("git rm -r --cached .gateway");
        assertThat(approvals()).doesNotExist();
        assertThat(result.notRun()).containsExactly("U04", "U05");
    }

    @Test
    void missingRepositoryFailsTheRepoPathGate() throws Exception {
        IsolationRun.Result result = new IsolationRun(temp.resolve("nowhere"), home, work).run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.findings().getFirst().path("gate_id").asText()).isEqualTo("gate_repo_abs_path_resolved");
        assertThat(result.findings().getFirst().path("observed").asText()).contains("does not exist");
    }

    @Test
    void symlinkedRepositoryPathResolvesToTheRealPath() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("link"), repo.root());

        IsolationRun.Result result = new IsolationRun(link, home, work).run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.report().path("repo").asText()).isEqualTo(real.toString());
        assertThat(repo.read(".gateway/config.toml")).contains(real.resolve(".gateway/logs.db").toString())
                .doesNotContain(IsolationInstance.PLACEHOLDER);
    }

    @Test
    void theReadmeDagRunsInCompatMode() throws Exception {
        IsolationRun.Result result = isolate().args("--dag", Fixtures.readmeDag().toString(), "--compat").run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("warning: meta.schema_version `1.0.0`");
        assertThat(result.unit("U05").path("status").asText()).isEqualTo("completed");

        IsolationRun.Result strict = isolate().args("--dag", Fixtures.readmeDag().toString()).run();
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.report().path("problems").toString()).contains("closure_root");
    }

    @Test
    void dagDeclaringAGateThisExecutorCannotEvaluateIsRefused() throws Exception {
        Path shipped = Fixtures.repoRoot().resolve("dag/per-project-isolation.dag.toml");
        Path dag = work.resolve("extra-gate.dag.toml");
        Files.writeString(dag, Files.readString(shipped).replace("[policy.gates]\n",
                "[policy.gates]\ngate_moon_is_full = \"Only run at full moon.\"\n"));

        IsolationRun.Result result = isolate().args("--dag", dag.toString()).run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.report().path("problems").toString()).contains("gate_moon_is_full");
        assertThat(repo.resolve(".gateway")).doesNotExist();
    }

    @Test
    void compoundGatewayCommandRunsUnderTheShellAndItsWholeTreeIsStopped() throws Exception {
        IsolationRun.Result result = isolate().withoutGatewayCommand()
                .args("--gateway-command", "FAKE_GATEWAY_MODE=ok " + IsolationRun.fakeGatewayCommand() + " && true").run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertGatewayStopped(result);
    }

    @Test
    void dagFilledInForAnotherCheckoutIsRefusedByTheRepoPathGate() throws Exception {
        Path shipped = Fixtures.repoRoot().resolve("dag/per-project-isolation.dag.toml");
        Path dag = work.resolve("other-checkout.dag.toml");
        Files.writeString(dag, Files.readString(shipped).replace("repo_abs_path                  = \"<REPO_ABS_PATH>\"",
                "repo_abs_path = \"" + home + "\""));

        IsolationRun.Result result = isolate().args("--dag", dag.toString()).run();

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode finding = result.findings().getFirst();
        assertThat(finding.path("gate_id").asText()).isEqualTo("gate_repo_abs_path_resolved");
        assertThat(finding.path("observed").asText()).contains(home.toString()).contains(real.toString());
        assertThat(repo.resolve(".gateway")).doesNotExist();
    }

    @Test
    void alreadyRunningGatewayIsVerifiedWithGatewayUrlAndToken() throws Exception {
        assertThat(isolate().args("--dry-run").run().exitCode()).isZero();
        // First configure the repo, then start a gateway the way a reconnected client would, and point isolate at it.
        assertThat(isolate().run().exitCode()).isZero();
        String token = "t-" + System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", IsolationRun.fakeGatewayCommand())
                .directory(real.toFile());
        builder.environment().put("LLM_GATEWAY_CONFIG", real.resolve(".gateway/config.toml").toString());
        builder.environment().put("LLM_GATEWAY_HTTP_PORT", "0");
        builder.environment().put("LLM_GATEWAY_AUTH_TOKEN", token);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("FAKE_GATEWAY_RECORD");
        Process gateway = builder.start();
        try {
            String url = awaitListening(gateway);

            IsolationRun.Result ok = isolate().withoutGatewayCommand().args("--gateway-url", url, "--token", token).run();
            assertThat(ok.exitCode()).as(ok.err()).isZero();
            assertThat(ok.unit("U05").path("verification_quote").asText()).contains("configFile");

            IsolationRun.Result refused = isolate().withoutGatewayCommand()
                    .args("--gateway-url", url, "--token", "wrong").run();
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.findings().getFirst().path("gate_id").asText()).isEqualTo("gate_gateway_reachable");
            assertThat(refused.findings().getFirst().path("observed").asText()).contains("HTTP 401");
            assertThat(gateway.isAlive()).as("isolate never stops a gateway it did not start").isTrue();
        } finally {
            gateway.descendants().forEach(ProcessHandle::destroy);
            gateway.destroy();
            gateway.waitFor();
        }
    }

    private Path approvals() {
        return home.resolve(".llm-cli-gateway/approved-projects");
    }

    private static String awaitListening(Process gateway) throws IOException {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(gateway.getErrorStream()));
        String line;
        while ((line = reader.readLine()) != null) {
            var m = GatewayLauncher.LISTENING.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("the fake gateway never listened");
    }

    private static void assertGatewayStopped(IsolationRun.Result result) {
        List<JsonNode> record = result.gatewayRecord();
        assertThat(record).isNotEmpty();
        long pid = record.getFirst().path("pid").asLong();
        assertThat(ProcessHandle.of(pid).map(LaunchedGateway::running).orElse(false)).as("gateway pid " + pid).isFalse();
        assertThat(record).anySatisfy(r -> assertThat(r.path("event").asText()).isEqualTo("stop"));
    }

    record Snapshot(String content, FileTime modified) {
    }

    private Map<String, Snapshot> snapshot(String... files) throws IOException {
        Map<String, Snapshot> snapshot = new LinkedHashMap<>();
        for (String file : files) {
            snapshot.put(file, new Snapshot(repo.read(file), Files.getLastModifiedTime(repo.resolve(file))));
        }
        return snapshot;
    }
}
