package com.verivus.gateway.provider.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.provider.AdapterTestBase;
import com.verivus.gateway.provider.ApprovalStrategy;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.Effort;
import com.verivus.gateway.provider.McpServerName;
import com.verivus.gateway.provider.PreparedRun;
import com.verivus.gateway.provider.ProviderRequestException;
import com.verivus.gateway.provider.SessionAction;
import com.verivus.gateway.provider.SessionMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClaudeAdapterTest extends AdapterTestBase {

    String cfg;

    @BeforeEach
    void setUp() throws Exception {
        cfg = fx.data.resolve(ClaudeMcpConfig.FILE_NAME).toString();
        // sqry installed at its default path, so that a request naming it gets --mcp-config
        Path bin = Files.createDirectories(fx.home.resolve(".local/bin"));
        Files.writeString(bin.resolve("sqry-mcp"), "#!/bin/sh\n");
        assertThat(bin.resolve("sqry-mcp").toFile().setExecutable(true)).isTrue();
    }

    /** A request for sqry (so the argv has an --mcp-config to order flags around) plus {@code b}. */
    PreparedRun prepare(UnaryOperator<ClaudeRequest.Builder> b) {
        return prepare(b, Optional.empty());
    }

    PreparedRun prepare(UnaryOperator<ClaudeRequest.Builder> b, Optional<String> active) {
        return ClaudeAdapter.prepare(b.apply(ClaudeRequest.builder("P").mcpServers(McpServerName.SQRY)).build(), active,
                fx.context());
    }

    @Test
    void noServerRequestedMeansNoMcpConfigEvenWhenSqryIsInstalled() {
        PreparedRun run = ClaudeAdapter.prepare(ClaudeRequest.builder("P").build(), Optional.empty(), fx.context());
        assertThat(run.invocation().args()).containsExactly("-p", "P");
        assertThat(run.mcpServers().toMap()).isEqualTo(Map.of("requested", List.of(), "enabled", List.of(),
                "missing", List.of()));
        assertThat(Files.exists(Path.of(cfg))).isFalse();
    }

    List<String> argv(UnaryOperator<ClaudeRequest.Builder> b) {
        return prepare(b).invocation().args();
    }

    /** The argv between -p P and --mcp-config for a single-flag request (default servers). */
    static Stream<Arguments> singleFlags() {
        return Stream.of(
                Arguments.of("model", (UnaryOperator<ClaudeRequest.Builder>) b -> b.model("opus"),
                        List.of("--model", "opus")),
                Arguments.of("json", (UnaryOperator<ClaudeRequest.Builder>) b -> b.outputFormat(ClaudeOutputFormat.JSON),
                        List.of("--output-format", "json")),
                Arguments.of("stream-json", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.outputFormat(ClaudeOutputFormat.STREAM_JSON),
                        List.of("--output-format", "stream-json", "--verbose", "--include-partial-messages")),
                Arguments.of("text", (UnaryOperator<ClaudeRequest.Builder>) b -> b.outputFormat(ClaudeOutputFormat.TEXT),
                        List.of()),
                Arguments.of("allowedTools", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.allowedTools(List.of("Read", "Bash(git:*)")), List.of("--allowed-tools", "Read", "Bash(git:*)")),
                Arguments.of("disallowedTools", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.disallowedTools(List.of("Write")), List.of("--disallowed-tools", "Write")),
                Arguments.of("empty allowedTools", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.allowedTools(List.of()), List.of()),
                Arguments.of("permissionMode plan", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.permissionMode(ClaudePermissionMode.PLAN), List.of("--permission-mode", "plan")),
                Arguments.of("permissionMode default", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.permissionMode(ClaudePermissionMode.DEFAULT), List.of()),
                Arguments.of("dangerouslySkipPermissions", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.dangerouslySkipPermissions(true), List.of("--permission-mode", "bypassPermissions")),
                Arguments.of("mcp_managed", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.approvalStrategy(ApprovalStrategy.MCP_MANAGED), List.of("--permission-mode", "bypassPermissions")),
                Arguments.of("mcp_managed beats plan", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.approvalStrategy(ApprovalStrategy.MCP_MANAGED).permissionMode(ClaudePermissionMode.PLAN),
                        List.of("--permission-mode", "bypassPermissions")),
                Arguments.of("permissionMode wins over skip", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.permissionMode(ClaudePermissionMode.ACCEPT_EDITS).dangerouslySkipPermissions(true),
                        List.of("--permission-mode", "acceptEdits")),
                Arguments.of("default wins over skip", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.permissionMode(ClaudePermissionMode.DEFAULT).dangerouslySkipPermissions(true), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFlags")
    void eachFlagLandsBetweenPromptAndMcpConfig(String name, UnaryOperator<ClaudeRequest.Builder> b,
                                                List<String> expected) {
        List<String> want = new ArrayList<>(List.of("-p", "P"));
        want.addAll(expected);
        want.addAll(List.of("--mcp-config", cfg));
        assertThat(argv(b)).containsExactlyElementsOf(want);
    }

    /** High-impact flags come after --mcp-config, in §3.1 step 7 order. */
    static Stream<Arguments> highImpactFlags() {
        return Stream.of(
                Arguments.of("agent", (UnaryOperator<ClaudeRequest.Builder>) b -> b.agent("reviewer"),
                        List.of("--agent", "reviewer")),
                Arguments.of("forkSession", (UnaryOperator<ClaudeRequest.Builder>) b -> b.forkSession(true),
                        List.of("--fork-session")),
                Arguments.of("systemPrompt", (UnaryOperator<ClaudeRequest.Builder>) b -> b.systemPrompt("be brief"),
                        List.of("--system-prompt", "be brief")),
                Arguments.of("appendSystemPrompt", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.appendSystemPrompt("also"), List.of("--append-system-prompt", "also")),
                Arguments.of("maxBudgetUsd integral", (UnaryOperator<ClaudeRequest.Builder>) b -> b.maxBudgetUsd(5.0),
                        List.of("--max-budget-usd", "5")),
                Arguments.of("maxBudgetUsd fraction", (UnaryOperator<ClaudeRequest.Builder>) b -> b.maxBudgetUsd(0.0001),
                        List.of("--max-budget-usd", "0.0001")),
                Arguments.of("maxTurns", (UnaryOperator<ClaudeRequest.Builder>) b -> b.maxTurns(12L),
                        List.of("--max-turns", "12")),
                Arguments.of("effort", (UnaryOperator<ClaudeRequest.Builder>) b -> b.effort(Effort.XHIGH),
                        List.of("--effort", "xhigh")),
                Arguments.of("excludeDynamic", (UnaryOperator<ClaudeRequest.Builder>) b ->
                        b.excludeDynamicSystemPromptSections(true), List.of("--exclude-dynamic-system-prompt-sections")),
                Arguments.of("empty agents map", (UnaryOperator<ClaudeRequest.Builder>) b -> b.agents(Map.of()),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("highImpactFlags")
    void highImpactFlagsFollowTheMcpConfig(String name, UnaryOperator<ClaudeRequest.Builder> b,
                                           List<String> expected) {
        List<String> want = new ArrayList<>(List.of("-p", "P", "--mcp-config", cfg));
        want.addAll(expected);
        assertThat(argv(b)).containsExactlyElementsOf(want);
    }

    @Test
    void everyFlagAtOnceInTheDocumentedOrder() {
        Map<String, Object> agents = new LinkedHashMap<>();
        Map<String, Object> rev = new LinkedHashMap<>();
        rev.put("description", "Reviews");
        rev.put("prompt", "You review");
        agents.put("rev", rev);
        List<String> args = argv(b -> b.model("opus").outputFormat(ClaudeOutputFormat.STREAM_JSON)
                .allowedTools(List.of("Read", "Grep")).disallowedTools(List.of("Bash"))
                .permissionMode(ClaudePermissionMode.ACCEPT_EDITS).strictMcpConfig(true).agent("rev").agents(agents)
                .forkSession(true).systemPrompt("S").maxBudgetUsd(2.5).maxTurns(4L).effort(Effort.MAX)
                .excludeDynamicSystemPromptSections(true).sessionId("abc"));
        assertThat(args).containsExactly("-p", "P", "--model", "opus", "--output-format", "stream-json", "--verbose",
                "--include-partial-messages", "--allowed-tools", "Read", "Grep", "--disallowed-tools", "Bash",
                "--permission-mode", "acceptEdits", "--mcp-config", cfg, "--strict-mcp-config", "--agent", "rev",
                "--agents", "{\"rev\":{\"description\":\"Reviews\",\"prompt\":\"You review\"}}", "--fork-session",
                "--system-prompt", "S", "--max-budget-usd", "2.5", "--max-turns", "4", "--effort", "max",
                "--exclude-dynamic-system-prompt-sections", "--session-id", "abc");
    }

    @Test
    void idleTimeoutOnlyForStreamJson() {
        assertThat(prepare(b -> b).invocation().idleTimeoutMs()).isNull();
        assertThat(prepare(b -> b.outputFormat(ClaudeOutputFormat.JSON).idleTimeoutMs(60_000L)).invocation()
                .idleTimeoutMs()).isNull();
        assertThat(prepare(b -> b.outputFormat(ClaudeOutputFormat.STREAM_JSON)).invocation().idleTimeoutMs())
                .isEqualTo(600_000L);
        assertThat(prepare(b -> b.outputFormat(ClaudeOutputFormat.STREAM_JSON).idleTimeoutMs(45_000L)).invocation()
                .idleTimeoutMs()).isEqualTo(45_000L);
        assertThat(prepare(b -> b.outputFormat(ClaudeOutputFormat.STREAM_JSON)).invocation().outputFormat())
                .isEqualTo("stream-json");
    }

    @Test
    void permissionConflictIsWarnedAbout() {
        assertThat(prepare(b -> b.permissionMode(ClaudePermissionMode.PLAN).dangerouslySkipPermissions(true))
                .warnings()).singleElement().asString().contains("permissionMode wins");
    }

    @Test
    void requestedSqryIsWrittenPrivatelyToTheMcpConfig() throws Exception {
        PreparedRun run = prepare(b -> b);
        Path file = Path.of(cfg);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.path("mcpServers").path("sqry").path("command").asText())
                .isEqualTo(fx.home.resolve(".local/bin/sqry-mcp").toString());
        assertThat(json.path("mcpServers").path("sqry").path("args").size()).isZero();
        assertThat(run.mcpServers().toMap()).isEqualTo(Map.of("requested", List.of("sqry"), "enabled", List.of("sqry"),
                "missing", List.of()));
        try (var listing = Files.list(fx.data)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly(ClaudeMcpConfig.FILE_NAME);
        }
    }

    @Test
    void serverWithoutItsKeyIsMissingAndWithoutAnyEnabledNoConfigIsPassed() {
        PreparedRun run = prepare(b -> b.mcpServers(McpServerName.EXA));
        assertThat(run.invocation().args()).containsExactly("-p", "P");
        assertThat(run.mcpServers().missing()).containsExactly("exa");
        assertThat(Files.exists(Path.of(cfg))).isFalse();
    }

    @Test
    void strictMcpConfigWithAMissingServerFailsBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> prepare(b -> b.mcpServers(McpServerName.SQRY, McpServerName.EXA,
                McpServerName.REF_TOOLS).strictMcpConfig(true)))
                .isInstanceOfSatisfying(ClaudeMcpConfigException.class, e -> {
                    assertThat(e.requested()).containsExactly("sqry", "exa", "ref_tools");
                    assertThat(e.missing()).containsExactly("exa", "ref_tools");
                })
                .hasMessage("strictMcpConfig=true but requested servers are unavailable: exa, ref_tools");
        assertThat(Files.exists(Path.of(cfg))).isFalse();
    }

    @Test
    void activeSessionIsContinuedWhenNoSessionInputIsGiven() {
        PreparedRun run = prepare(b -> b, Optional.of("act"));
        assertThat(run.invocation().args()).endsWith("--continue");
        assertThat(run.session().effectiveSessionId()).isEqualTo("act");
        assertThat(run.session().mode()).isEqualTo(SessionMode.CONTINUE_LATEST);
        assertThat(run.invocation().continuesConversation()).isTrue();
        assertThat(run.session().bookkeeping()).containsExactly(
                new SessionAction.EnsureSession(CliName.CLAUDE, "act", "Claude Session"));
    }

    @Test
    void namingTheActiveSessionContinuesIt() {
        assertThat(prepare(b -> b.sessionId("act"), Optional.of("act")).invocation().args()).endsWith("--continue");
    }

    @Test
    void anotherSessionIdGoesThroughSessionIdAndIsRecorded() {
        PreparedRun run = prepare(b -> b.sessionId("other"), Optional.of("act"));
        assertThat(run.invocation().args()).endsWith("--session-id", "other").doesNotContain("--continue");
        assertThat(run.session().bookkeeping()).containsExactly(
                new SessionAction.EnsureSession(CliName.CLAUDE, "other", "Claude Session"),
                new SessionAction.TouchSession(CliName.CLAUDE, "other"));
        assertThat(run.session().resumable()).isNull();
    }

    @Test
    void createNewSessionIgnoresTheActiveSession() {
        PreparedRun run = prepare(b -> b.createNewSession(true), Optional.of("act"));
        assertThat(run.invocation().args()).containsExactly("-p", "P", "--mcp-config", cfg);
        assertThat(run.session().effectiveSessionId()).isNull();
        assertThat(run.session().bookkeeping()).isEmpty();
        assertThat(run.invocation().continuesConversation()).isFalse();
    }

    @Test
    void continueSessionWithoutActiveSessionContinuesWithoutAnId() {
        PreparedRun run = prepare(b -> b.continueLatest(true));
        assertThat(run.invocation().args()).endsWith("--continue");
        assertThat(run.session().effectiveSessionId()).isNull();
        assertThat(run.invocation().continuesConversation()).isTrue();
    }

    @Test
    void noSessionAtAllIsAFreshRun() {
        PreparedRun run = prepare(b -> b);
        assertThat(run.session().mode()).isEqualTo(SessionMode.FRESH);
        assertThat(run.session().args()).isEmpty();
        assertThat(run.invocation().continuesConversation()).isFalse();
    }

    @Test
    void toolValuesThatLookLikeFlagsAreRefused() {
        assertThatThrownBy(() -> prepare(b -> b.allowedTools(List.of("Read", "--dangerously-skip-permissions"))))
                .isInstanceOf(ProviderRequestException.class)
                .hasMessage("Invalid allowedTools value \"--dangerously-skip-permissions\": values must not start with "
                        + "\"-\" (argument injection prevention)");
        assertThatThrownBy(() -> prepare(b -> b.disallowedTools(List.of("-x"))))
                .hasMessageStartingWith("Invalid disallowedTools value \"-x\"");
        assertThat(Files.exists(Path.of(cfg))).isFalse();
    }

    @Test
    void systemPromptsAreMutuallyExclusive() {
        assertThatThrownBy(() -> prepare(b -> b.systemPrompt("a").appendSystemPrompt("b")))
                .hasMessage("systemPrompt and appendSystemPrompt are mutually exclusive; use one or the other (not both).");
    }

    static Stream<Arguments> badAgents() {
        return Stream.of(
                Arguments.of(Map.of("r", "text"), "Invalid agent definition for \"r\": Expected object, received string"),
                Arguments.of(Map.of("r", Map.of("prompt", "p")), "Invalid agent definition for \"r\".description: Required"),
                Arguments.of(Map.of("r", Map.of("description", "", "prompt", "p")),
                        "Invalid agent definition for \"r\".description: String must contain at least 1 character(s)"),
                Arguments.of(Map.of("r", Map.of("description", "d")), "Invalid agent definition for \"r\".prompt: Required"),
                Arguments.of(Map.of("r", Map.of("description", "d", "prompt", 3)),
                        "Invalid agent definition for \"r\".prompt: Expected string, received number"),
                Arguments.of(Map.of("r", Map.of("description", "d", "prompt", "p", "tools", "Read")),
                        "Invalid agent definition for \"r\".tools: Expected array, received string"),
                Arguments.of(Map.of("r", Map.of("description", "d", "prompt", "p", "tools", List.of("Read", 1))),
                        "Invalid agent definition for \"r\".tools.1: Expected string, received number"),
                Arguments.of(Map.of("r", Map.of("description", "d", "prompt", "p", "model", true)),
                        "Invalid agent definition for \"r\".model: Expected string, received boolean"));
    }

    @ParameterizedTest
    @MethodSource("badAgents")
    void malformedAgentsAreRefusedWithTheirPath(Map<String, Object> agents, String message) {
        assertThatThrownBy(() -> prepare(b -> b.agents(agents))).isInstanceOf(ProviderRequestException.class)
                .hasMessage(message);
    }

    @Test
    void agentsKeepExtraKeysAndTools() {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("description", "d");
        def.put("prompt", "p");
        def.put("tools", List.of("Read"));
        def.put("model", "haiku");
        def.put("color", "red");
        List<String> args = argv(b -> b.agents(Map.of("r", def)));
        assertThat(args.get(args.indexOf("--agents") + 1))
                .isEqualTo("{\"r\":{\"description\":\"d\",\"prompt\":\"p\",\"tools\":[\"Read\"],\"model\":\"haiku\",\"color\":\"red\"}}");
    }

    @Test
    void nonPositiveLimitsAreRefused() {
        assertThatThrownBy(() -> prepare(b -> b.maxTurns(0L))).hasMessage("maxTurns must be a positive integer");
        assertThatThrownBy(() -> prepare(b -> b.maxBudgetUsd(0.0))).hasMessage("maxBudgetUsd must be a positive number");
    }

    @Test
    void invocationIsForClaudeWithoutEnvOrTempFiles() {
        PreparedRun run = prepare(b -> b);
        assertThat(run.invocation().cli()).isEqualTo(CliName.CLAUDE);
        assertThat(run.invocation().env()).isEmpty();
        assertThat(run.invocation().tempFiles()).isEmpty();
        assertThat(run.invocation().outputFormat()).isEqualTo("text");
    }
}
