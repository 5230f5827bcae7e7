package com.verivus.gateway.mcp.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.doctor.DoctorFakes;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.upgrade.MistralInstallDetector;
import com.verivus.gateway.upgrade.UpgradePlan;
import com.verivus.gateway.upgrade.UpgradePlanner;
import com.verivus.gateway.upgrade.UpgradeRunner;
import com.verivus.gateway.upgrade.UpgradeTarget;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliUpgradeToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    DoctorFakes fakes;
    GatewayEnvironment env;
    Path home;

    @BeforeEach
    void setUp() throws Exception {
        fakes = DoctorFakes.in(tmp);
        home = Files.createDirectories(tmp.resolve("home"));
    }

    /** The tool over the fakes as configured now (modes are read when the environment is made). */
    private CliUpgradeTool tool() {
        env = fakes.env(home, Map.of());
        return new CliUpgradeTool(new UpgradePlanner(new MistralInstallDetector(env, Duration.ofSeconds(5))),
                new UpgradeRunner(env));
    }

    private static JsonNode body(CallToolResult r) throws Exception {
        return JSON.readTree(((TextContent) r.content().getFirst()).text());
    }

    private JsonNode dryRun(String cli, String target) throws Exception {
        Map<String, Object> args = target == null ? Map.of("cli", cli) : Map.of("cli", cli, "target", target);
        CallToolResult r = ToolCatalog.invoke(tool(), args, null);
        assertThat(r.isError()).as(body(r).toString()).isFalse();
        JsonNode b = body(r);
        assertThat(b.get("success").asBoolean()).isTrue();
        assertThat(b.get("dryRun").asBoolean()).isTrue();
        assertThat(b.has("stdout")).isFalse();
        return b.get("plan");
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3} ({4})")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "claude | -      | claude | [\"update\"] | self-update",
            "claude | latest | claude | [\"update\"] | self-update",
            "claude | 2.1.0  | claude | [\"install\",\"2.1.0\"] | self-update",
            "grok   | -      | grok   | [\"update\"] | self-update",
            "grok   | 1.0.4  | grok   | [\"update\",\"--version\",\"1.0.4\"] | self-update",
            "codex  | -      | codex  | [\"update\"] | self-update",
            "codex  | 0.47.0 | npm    | [\"install\",\"-g\",\"@openai/codex@0.47.0\"] | npm-global-install",
            "gemini | -      | npm    | [\"install\",\"-g\",\"@google/gemini-cli@latest\"] | npm-global-install",
            "gemini | nightly | npm   | [\"install\",\"-g\",\"@google/gemini-cli@nightly\"] | npm-global-install"})
    void dryRunPlansForSelfUpdatingAndNpmClis(String cli, String target, String command, String args, String strategy)
            throws Exception {
        JsonNode plan = dryRun(cli, target);
        assertThat(plan.get("cli").asText()).isEqualTo(cli);
        assertThat(plan.get("target").asText()).isEqualTo(target == null ? "latest" : target);
        assertThat(plan.get("command").asText()).isEqualTo(command);
        assertThat(plan.get("args").toString()).isEqualTo(args);
        assertThat(plan.get("strategy").asText()).isEqualTo(strategy);
        assertThat(plan.get("requiresNetwork").asBoolean()).isTrue();
        assertThat(fakes.calls()).isEmpty(); // a dry run runs nothing
    }

    @ParameterizedTest(name = "mistral installed with {0}, target {1}")
    @CsvSource(delimiter = '|', value = {
            "pip  | latest | pip  | [\"install\",\"-U\",\"mistral-vibe\"] | pip-install",
            "pip  | 3.1.0  | pip  | [\"install\",\"-U\",\"mistral-vibe==3.1.0\"] | pip-install",
            "pip3 | latest | pip3 | [\"install\",\"-U\",\"mistral-vibe\"] | pip-install",
            "uv   | latest | uv   | [\"tool\",\"upgrade\",\"mistral-vibe\"] | uv-tool-upgrade",
            "uv   | 3.1.0  | uv   | [\"tool\",\"upgrade\",\"mistral-vibe\"] | uv-tool-upgrade",
            "brew | latest | brew | [\"upgrade\",\"mistral-vibe\"] | brew-upgrade",
            "brew | 3.1.0  | brew | [\"upgrade\",\"mistral-vibe\"] | brew-upgrade"})
    void mistralIsUpgradedThroughTheInstallerThatOwnsIt(String installer, String target, String command, String args,
                                                        String strategy) throws Exception {
        fakes.install("pip", "pip3", "uv", "brew", "vibe").mode(installer, "has-vibe");
        JsonNode plan = dryRun("mistral", target);
        assertThat(plan.get("command").asText()).isEqualTo(command);
        assertThat(plan.get("args").toString()).isEqualTo(args);
        assertThat(plan.get("strategy").asText()).isEqualTo(strategy);
        assertThat(plan.get("note").asText()).isNotBlank();
        if (!target.equals("latest") && !installer.startsWith("pip")) {
            assertThat(plan.get("note").asText()).contains("cannot pin a version");
        }
        assertThat(fakes.calls("vibe")).isEmpty(); // never "vibe update"
    }

    @Test
    void mistralWithoutAKnownInstallerIsAClearError() throws Exception {
        fakes.install("pip", "uv", "brew", "vibe");
        CallToolResult r = ToolCatalog.invoke(tool(), Map.of("cli", "mistral"), null);
        assertThat(r.isError()).isTrue();
        JsonNode b = body(r);
        assertThat(b.get("success").asBoolean()).isFalse();
        assertThat(b.get("error").asText()).isEqualTo(UpgradePlanner.MISTRAL_UNDETECTED)
                .startsWith("Could not detect how Mistral Vibe was installed.");
        assertThat(fakes.calls()).extracting(c -> c.get("cli").asText() + " " + c.get("argv"))
                .containsExactly("pip [\"show\",\"mistral-vibe\"]", "uv [\"tool\",\"list\"]",
                        "brew [\"list\",\"mistral-vibe\"]");
    }

    @ParameterizedTest(name = "target \"{0}\" is rejected")
    @ValueSource(strings = {"", "   ", "-g", "1.0 beta", "a\tb"})
    void badTargetsGetTheReferenceMessage(String target) throws Exception {
        CallToolResult r = ToolCatalog.invoke(tool(), Map.of("cli", "gemini", "target", target), null);
        assertThat(r.isError()).isTrue();
        assertThat(((TextContent) r.content().getFirst()).text()).satisfiesAnyOf(
                t -> assertThat(t).contains(UpgradeTarget.INVALID),
                t -> assertThat(t).contains("target: must be at least 1 character"));
    }

    @ParameterizedTest(name = "target \"{0}\" could name another package and is rejected")
    @ValueSource(strings = {"npm:evil-package", "git+ssh://x/y", "../local", "1.0@other", "^1.2"})
    void targetsThatCouldNameAnotherPackageAreRejected(String target) throws Exception {
        CallToolResult r = ToolCatalog.invoke(tool(), Map.of("cli", "gemini", "target", target), null);
        assertThat(r.isError()).isTrue();
        assertThat(body(r).get("error").asText()).isEqualTo(UpgradeTarget.NOT_A_VERSION);
    }

    @Test
    void aSuccessfulUpgradeReportsItsOutput() throws Exception {
        fakes.install("npm");
        CallToolResult r = ToolCatalog.invoke(tool(), Map.of("cli", "gemini", "dryRun", false, "timeoutMs", 30_000), null);
        JsonNode b = body(r);
        assertThat(r.isError()).isFalse();
        assertThat(b.get("success").asBoolean()).isTrue();
        assertThat(b.get("dryRun").asBoolean()).isFalse();
        assertThat(b.get("exitCode").asInt()).isZero();
        assertThat(b.get("stdout").asText()).contains("changed 1 package");
        assertThat(fakes.calls("npm")).singleElement().satisfies(c ->
                assertThat(c.get("argv").toString()).isEqualTo("[\"install\",\"-g\",\"@google/gemini-cli@latest\"]"));
    }

    @Test
    void aFailingUpgradeCommandIsReportedAsFailure() throws Exception {
        fakes.install("npm").mode("npm", "fail");
        CallToolResult r = ToolCatalog.invoke(tool(), Map.of("cli", "codex", "target", "0.47.0", "dryRun", false), null);
        JsonNode b = body(r);
        assertThat(r.isError()).isTrue();
        assertThat(b.get("success").asBoolean()).isFalse();
        assertThat(b.get("exitCode").asInt()).isEqualTo(1);
        assertThat(b.get("stderr").asText()).contains("npm ERR! 404");
        assertThat(b.get("error").asText()).isEqualTo("npm install -g @openai/codex@0.47.0 failed with exit code 1");
        assertThat(b.at("/plan/strategy").asText()).isEqualTo("npm-global-install");
        assertThat(fakes.calls("npm")).hasSize(1);
    }

    @Test
    void aMissingUpgradeCommandIsReportedAsFailure() throws Exception {
        CallToolResult r = ToolCatalog.invoke(tool(), Map.of("cli", "claude", "dryRun", false), null);
        JsonNode b = body(r);
        assertThat(r.isError()).isTrue();
        assertThat(b.get("exitCode").asInt()).isEqualTo(127);
        assertThat(b.get("error").asText()).isEqualTo("claude: command not found on PATH");
    }

    @Test
    void aHungUpgradeTimesOutOnceAndIsNotRetried() throws Exception {
        fakes.install("npm").mode("npm", "hang-tree");
        tool();
        UpgradePlan plan = new UpgradePlanner(new MistralInstallDetector(env, Duration.ofSeconds(5)))
                .plan(CliName.GEMINI, "latest");
        long start = System.nanoTime();
        UpgradeRunner.Execution run = new UpgradeRunner(env).run(plan, Duration.ofMillis(1500));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(run.success()).isFalse();
        assertThat(run.timedOut()).isTrue();
        assertThat(run.exitCode()).isNull();
        assertThat(run.error()).isEqualTo("npm install -g @google/gemini-cli@latest timed out after 1.5 s and was "
                + "stopped; it was not retried");
        Thread.sleep(1000); // a retry, if any, would have started by now
        assertThat(fakes.calls("npm")).hasSize(1);
        fakes.assertNoLeftoverChildren();

        JsonNode b = body(CliUpgradeTool.result(plan, run));
        assertThat(b.get("success").asBoolean()).isFalse();
        assertThat(b.get("timedOut").asBoolean()).isTrue();
        assertThat(b.get("exitCode").isNull()).isTrue();
    }

    @Test
    void timeoutBoundsAreEnforced() throws Exception {
        assertThat(ToolCatalog.invoke(tool(), Map.of("cli", "gemini", "dryRun", false, "timeoutMs", 29_999), null)
                .isError()).isTrue();
        assertThat(ToolCatalog.invoke(tool(), Map.of("cli", "gemini", "dryRun", false, "timeoutMs", 3_600_001), null)
                .isError()).isTrue();
        assertThat(fakes.calls()).isEmpty();
    }
}
