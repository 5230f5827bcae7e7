package com.verivus.gateway.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.Effort;
import com.verivus.gateway.provider.McpServerName;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.provider.SharedRequest;
import com.verivus.gateway.provider.claude.ClaudeAdapter;
import com.verivus.gateway.provider.claude.ClaudeOutputFormat;
import com.verivus.gateway.provider.claude.ClaudePermissionMode;
import com.verivus.gateway.provider.claude.ClaudeRequest;
import com.verivus.gateway.provider.codex.CodexAdapter;
import com.verivus.gateway.provider.codex.CodexApprovalPolicy;
import com.verivus.gateway.provider.codex.CodexForkRequest;
import com.verivus.gateway.provider.codex.CodexOutputFormat;
import com.verivus.gateway.provider.codex.CodexRequest;
import com.verivus.gateway.provider.codex.CodexSandboxMode;
import com.verivus.gateway.provider.gemini.GeminiAdapter;
import com.verivus.gateway.provider.gemini.GeminiApprovalMode;
import com.verivus.gateway.provider.gemini.GeminiRequest;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every flag our builders can emit must be one the real CLI documents: checked against the --help texts
 * captured from npm by {@code upstream-help/capture.sh} (claude, codex, gemini; grok and vibe are not on
 * npm and have no captured help). Codex flags are checked per sub-command ({@code exec}, {@code exec resume},
 * {@code exec fork}); Claude's hidden options are read from the section capture.sh extracts from the binary.
 */
class UpstreamHelpTest {

    @TempDir
    Path tmp;

    /** "### <heading>" → section text. */
    static Map<String, String> sections(CliName cli) throws IOException, URISyntaxException {
        Path dir = Path.of(UpstreamHelpTest.class.getResource("/upstream-help/capture.sh").toURI()).getParent();
        Path file;
        try (Stream<Path> files = Files.list(dir)) {
            file = files.filter(p -> p.getFileName().toString().startsWith(cli.executable() + "-")
                    && p.getFileName().toString().endsWith(".txt")).findFirst()
                    .orElseThrow(() -> new AssertionError("no captured help for " + cli));
        }
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = null;
        StringBuilder body = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("### ")) {
                if (heading != null) {
                    sections.put(heading, body.toString());
                }
                heading = line.substring(4).trim();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.put(heading, body.toString());
        }
        return sections;
    }

    static String section(Map<String, String> sections, String heading) {
        String s = sections.get(heading);
        assertThat(s).as("captured section " + heading).isNotNull().isNotBlank();
        return s;
    }

    @Test
    void everyClaudeContractFlagIsInTodaysHelpOrItsHiddenOptions() throws Exception {
        Map<String, String> s = sections(CliName.CLAUDE);
        String help = section(s, "claude --help");
        String hidden = s.entrySet().stream().filter(e -> e.getKey().startsWith("claude hidden options"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        for (FlagSpec f : UpstreamContracts.of(CliName.CLAUDE).flags()) {
            String where = f.hiddenInHelp() ? hidden : help;
            assertThat(HelpText.mentions(where, f.name())).as("claude %s in %s", f.name(),
                    f.hiddenInHelp() ? "hidden options" : "--help").isTrue();
        }
    }

    @Test
    void claudesPrintFlagIsASwitchAndThePromptAPositionalSoTheContractModelsThemSo() throws Exception {
        String help = section(sections(CliName.CLAUDE), "claude --help");
        assertThat(help).contains("Usage: claude [options] [command] [prompt]");
        assertThat(help).containsPattern("(?m)^  -p, --print {2,}Print response");
        CliContract contract = UpstreamContracts.of(CliName.CLAUDE);
        assertThat(contract.flag("-p")).get().extracting(FlagSpec::arity).isEqualTo(Arity.NONE);
        assertThat(contract.maxPositionals()).isEqualTo(1);
    }

    @Test
    void geminisPromptFlagTakesAStringValue() throws Exception {
        String help = section(sections(CliName.GEMINI), "gemini --help");
        assertThat(help).containsPattern("(?m)^  -p, --prompt .*\\[string\\]");
        assertThat(UpstreamContracts.of(CliName.GEMINI).flag("-p")).get().extracting(FlagSpec::arity)
                .isEqualTo(Arity.ONE);
    }

    @Test
    void everyGeminiContractFlagIsInTodaysHelp() throws Exception {
        String help = section(sections(CliName.GEMINI), "gemini --help");
        for (FlagSpec f : UpstreamContracts.of(CliName.GEMINI).flags()) {
            assertThat(HelpText.mentions(help, f.name())).as("gemini %s", f.name()).isTrue();
        }
    }

    @Test
    void everyCodexContractFlagIsInTheHelpOfEachSubcommandThatAllowsIt() throws Exception {
        Map<String, String> s = sections(CliName.CODEX);
        Map<String, String> byContext = Map.of("exec", section(s, "codex exec --help"),
                "resume", section(s, "codex exec resume --help"), "fork", section(s, "codex exec fork --help"));
        for (FlagSpec f : UpstreamContracts.of(CliName.CODEX).flags()) {
            for (String context : List.of("exec", "resume", "fork")) {
                if (f.allowedIn(context)) {
                    assertThat(HelpText.mentions(byContext.get(context), f.name()))
                            .as("codex %s in exec %s --help", f.name(), context).isTrue();
                }
            }
        }
    }

    @Test
    void theFlagsTodaysCodexExecDroppedAreIndeedGone() throws Exception {
        String exec = section(sections(CliName.CODEX), "codex exec --help");
        assertThat(HelpText.mentions(exec, "--ask-for-approval")).isFalse();
        assertThat(HelpText.mentions(exec, "--full-auto")).isFalse();
        assertThat(HelpText.mentions(exec, "--search")).isFalse();
        assertThat(HelpText.mentions(section(sections(CliName.CODEX), "codex exec resume --help"), "--profile"))
                .isFalse();
        assertThat(HelpText.mentions(section(sections(CliName.CODEX), "codex exec fork --help"), "--last")).isFalse();
    }

    @Test
    void everyFlagOfMaximalRequestsIsInTheCapturedHelp() throws Exception {
        Files.createDirectories(tmp.resolve("home"));
        // sqry is added to claude's MCP config only when it is installed
        Path sqry = Files.writeString(Files.createDirectories(tmp.resolve("home/.local/bin")).resolve("sqry-mcp"),
                "#!/bin/sh\n");
        sqry.toFile().setExecutable(true);
        Path image = Files.writeString(tmp.resolve("a.png"), "png");
        Path policy = Files.writeString(tmp.resolve("p.toml"), "");
        GatewayEnvironment env = new GatewayEnvironment(Map.of("EXA_API_KEY", "k"), tmp.resolve("home"), tmp);
        PrepareContext ctx = PrepareContext.of(env, tmp.resolve("data")).withTempDirectory(tmp)
                .withIds(() -> "2f1e0d5c-8b7a-4c3d-9e2f-1a0b9c8d7e6f");

        List<List<String>> claude = new ArrayList<>();
        claude.add(ClaudeAdapter.prepare(ClaudeRequest.builder("p").model("sonnet")
                .outputFormat(ClaudeOutputFormat.STREAM_JSON).allowedTools(List.of("Read"))
                .disallowedTools(List.of("Bash")).permissionMode(ClaudePermissionMode.PLAN)
                .mcpServers(McpServerName.SQRY, McpServerName.EXA).strictMcpConfig(true).agent("a")
                .agents(Map.of("r", Map.of("description", "d", "prompt", "p"))).forkSession(true)
                .systemPrompt("s").maxBudgetUsd(1.5).maxTurns(3L).effort(Effort.HIGH)
                .excludeDynamicSystemPromptSections(true).sessionId("sid").build(), Optional.empty(), ctx)
                .invocation().args());
        claude.add(ClaudeAdapter.prepare(ClaudeRequest.builder("p").appendSystemPrompt("x")
                .outputFormat(ClaudeOutputFormat.JSON).continueLatest(true).build(), Optional.empty(), ctx)
                .invocation().args());
        String claudeHelp = String.join("\n", sections(CliName.CLAUDE).values());
        assertFlagsDocumented(CliName.CLAUDE, claude, claudeHelp);

        List<List<String>> gemini = List.of(GeminiAdapter.prepare(GeminiRequest.builder("p").model("m")
                .approvalMode(GeminiApprovalMode.PLAN).allowedTools(List.of("t")).includeDirs(List.of("d"))
                .json(true).sandbox(true).policyFiles(List.of(policy.toString()))
                .adminPolicyFiles(List.of(policy.toString())).build(), ctx).invocation().args(),
                GeminiAdapter.prepare(GeminiRequest.builder("p").sessionId("s1").build(), ctx).invocation().args());
        assertFlagsDocumented(CliName.GEMINI, gemini, section(sections(CliName.GEMINI), "gemini --help"));

        Map<String, String> codexHelp = sections(CliName.CODEX);
        List<String> fresh = CodexAdapter.prepare(CodexRequest.builder("p").model("m")
                .sandboxMode(CodexSandboxMode.READ_ONLY).askForApproval(CodexApprovalPolicy.NEVER)
                .dangerouslyBypassApprovalsAndSandbox(true).outputFormat(CodexOutputFormat.JSON)
                .outputSchema("/schema.json").search(true).profile("prof").configOverrides(Map.of("a.b", "1"))
                .ephemeral(true).images(List.of(image.toString())).ignoreUserConfig(true).ignoreRules(true).build(),
                Optional.empty(), ctx).invocation().args();
        assertFlagsDocumented(CliName.CODEX, List.of(fresh), section(codexHelp, "codex exec --help"));
        List<String> resumed = CodexAdapter.prepare(CodexRequest.builder("p").model("m").continueLatest(true)
                .dangerouslyBypassApprovalsAndSandbox(true).outputFormat(CodexOutputFormat.JSON).ephemeral(true)
                .images(List.of(image.toString())).ignoreUserConfig(true).ignoreRules(true).build(),
                Optional.empty(), ctx).invocation().args();
        assertFlagsDocumented(CliName.CODEX, List.of(resumed), section(codexHelp, "codex exec resume --help"));
        List<String> fork = CodexAdapter.prepareFork(new CodexForkRequest(SharedRequest.of("p").withModel("m"), "t1",
                false, CodexSandboxMode.READ_ONLY, CodexApprovalPolicy.ON_REQUEST), Optional.empty(), ctx)
                .invocation().args();
        assertFlagsDocumented(CliName.CODEX, List.of(fork), section(codexHelp, "codex exec fork --help"));
        assertThat(fork).startsWith("exec", "fork");
        assertThat(resumed).startsWith("exec", "resume", "--last");
    }

    private static void assertFlagsDocumented(CliName cli, List<List<String>> argvs, String help) {
        CliContract contract = UpstreamContracts.of(cli);
        int checked = 0;
        for (List<String> argv : argvs) {
            for (int i = 0; i < argv.size(); i++) {
                Optional<FlagSpec> flag = contract.flag(argv.get(i));
                if (flag.isPresent()) {
                    assertThat(HelpText.mentions(help, flag.get().name())).as("%s %s", cli, flag.get().name()).isTrue();
                    checked++;
                    if (flag.get().arity() == Arity.ONE) {
                        i++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(3);
    }
}
