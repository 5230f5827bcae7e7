package com.verivus.gateway.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.gateway.config.GatewayVersion;
import com.verivus.gateway.config.GatewayEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-24T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    Path home;
    DoctorFakes fakes;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        fakes = DoctorFakes.in(tmp);
    }

    private DoctorReport run(Map<String, String> vars) {
        return run(vars, url -> new PublicUrlVerifier.Result(200, null));
    }

    private DoctorReport run(Map<String, String> vars, PublicUrlVerifier verifier) {
        GatewayEnvironment env = fakes.env(home, vars);
        DoctorReport report = new Doctor(env, new ProviderStatusProbe(env, Duration.ofSeconds(2)), verifier, CLOCK).run();
        DoctorReportSchema.assertValid(report.json());
        assertThat(report.nextActions()).isNotEmpty();
        return report;
    }

    private static JsonNode json(DoctorReport r) {
        return JSON.valueToTree(r.json());
    }

    @Test
    void aBareMachineGetsAValidReportWithInstallActions() {
        DoctorReport r = run(Map.of());
        JsonNode j = json(r);

        assertThat(r.ok()).isTrue();
        assertThat(j.get("schema_version").asText()).isEqualTo("1.0");
        assertThat(j.get("generated_at").asText()).isEqualTo("2026-05-24T10:00:00.000Z");
        assertThat(j.at("/gateway/name").asText()).isEqualTo("llm-cli-gateway");
        assertThat(j.at("/gateway/version").asText()).isEqualTo(GatewayVersion.version()).isNotEqualTo("unknown");
        assertThat(j.at("/system/java_version").asText()).startsWith(String.valueOf(Runtime.version().feature()));
        assertThat(j.at("/system/os").asText()).isEqualTo("linux");
        assertThat(j.at("/transport/default").asText()).isEqualTo("stdio");
        assertThat(j.at("/transport/http/port").asInt()).isEqualTo(3333);
        assertThat(j.at("/auth/required").asBoolean()).isTrue();
        assertThat(j.at("/auth/token_configured").asBoolean()).isFalse();
        assertThat(j.at("/auth/source").asText()).isEqualTo("env");
        for (String cli : List.of("claude", "codex", "gemini", "grok", "mistral")) {
            assertThat(j.at("/providers/" + cli + "/cli_available").asBoolean()).isFalse();
            assertThat(j.at("/providers/" + cli + "/login_status").asText()).isEqualTo("not_checked");
        }
        assertThat(j.at("/providers/mistral/version_command").toString()).isEqualTo("[\"vibe\",\"--version\"]");
        assertThat(j.at("/providers/claude/install_guidance/commands/0").asText())
                .isEqualTo("npm install -g @anthropic-ai/claude-code");
        assertThat(j.at("/persistence/backend").asText()).isEqualTo("sqlite");
        assertThat(j.at("/persistence/path").asText()).isEqualTo(home.resolve(".llm-cli-gateway/logs.db").toString());
        assertThat(j.at("/persistence/dbPath").asText()).isEqualTo(j.at("/persistence/path").asText());
        assertThat(j.at("/persistence/retentionDays").toString()).isEqualTo("30");
        assertThat(j.at("/persistence/dbExists").asBoolean()).isFalse();
        assertThat(r.nextActions()).hasSize(6).contains(EndpointExposure.NOT_CONFIGURED_ACTION)
                .anySatisfy(a -> assertThat(a).contains("npm install -g @openai/codex"))
                .anySatisfy(a -> assertThat(a).contains("pip install mistral-vibe"))
                .anySatisfy(a -> assertThat(a).startsWith("grok: ").contains("not published on npm"))
                .noneSatisfy(a -> assertThat(a).contains("grok-build"));
        // next actions by what blocks: missing CLIs in order, the endpoint advice after them
        assertThat(r.nextActions().getFirst()).contains("npm install -g @anthropic-ai/claude-code");
        assertThat(r.nextActions().getLast()).isEqualTo(EndpointExposure.NOT_CONFIGURED_ACTION);
    }

    @Test
    void httpTransportWithoutATokenIsNotOk() {
        DoctorReport r = run(Map.of("LLM_GATEWAY_TRANSPORT", "http"));
        assertThat(r.ok()).isFalse();
        assertThat(json(r).get("ok").asBoolean()).isFalse();
        assertThat(json(r).at("/transport/http/enabled").asBoolean()).isTrue();
        assertThat(r.nextActions().getFirst()).isEqualTo(Doctor.AUTH_ACTION);
        assertThat(r.checks()).anySatisfy(c -> {
            assertThat(c.mark()).isEqualTo(DoctorCheck.Mark.FAIL);
            assertThat(c.subject()).isEqualTo("auth");
        });
        assertThat(r.plainText()).contains("✗ auth: HTTP transport needs LLM_GATEWAY_AUTH_TOKEN");

        assertThat(run(Map.of("MCP_TRANSPORT", "http")).ok()).isFalse();
        assertThat(run(Map.of("MCP_TRANSPORT", "http", "LLM_GATEWAY_AUTH_TOKEN", "t0k3n")).ok()).isTrue();
        DoctorReport disabled = run(Map.of("LLM_GATEWAY_TRANSPORT", "http", "LLM_GATEWAY_AUTH_DISABLED", "1"));
        assertThat(disabled.ok()).isTrue();
        assertThat(json(disabled).at("/auth/source").asText()).isEqualTo("disabled");
        assertThat(json(disabled).at("/auth/required").asBoolean()).isFalse();
    }

    @Test
    void theTokenIsNeverPrinted() {
        DoctorReport r = run(Map.of("LLM_GATEWAY_TRANSPORT", "http", "LLM_GATEWAY_AUTH_TOKEN", "super-secret-token-value",
                "LLM_GATEWAY_PUBLIC_URL", "https://gw.example.com/mcp?token=super-secret-token-value"));
        assertThat(r.ok()).isTrue();
        assertThat(json(r).toString()).doesNotContain("super-secret-token-value");
        assertThat(r.plainText()).doesNotContain("super-secret-token-value");
        assertThat(json(r).at("/transport/http/public_url").asText()).isEqualTo("https://gw.example.com/mcp?token=<redacted>");
    }

    @Test
    void anInvalidPersistenceConfigIsReportedNotThrown() throws Exception {
        Files.createDirectories(home.resolve(".llm-cli-gateway"));
        Files.writeString(home.resolve(".llm-cli-gateway/config.toml"), "[persistence]\nbackend = \"mongo\"\n");
        DoctorReport r = run(Map.of());
        JsonNode j = json(r);
        assertThat(r.ok()).isFalse();
        assertThat(j.at("/persistence/valid").asBoolean()).isFalse();
        assertThat(j.at("/persistence/error").asText()).startsWith("Invalid [persistence] config: backend");
        assertThat(r.nextActions()).anySatisfy(a -> assertThat(a).startsWith("Fix the [persistence] settings in "
                + home.resolve(".llm-cli-gateway/config.toml")));
        assertThat(r.plainText()).contains("✗ persistence: Invalid [persistence] config");

        DoctorReport memory = run(Map.of("LLM_GATEWAY_CONFIG", write("m.toml", "[persistence]\nbackend = \"memory\"\n")));
        assertThat(memory.ok()).isFalse();
        assertThat(json(memory).at("/persistence/error").asText()).contains("acknowledgeEphemeral");
    }

    @Test
    void backendNoneWarnsButDoesNotBlock() throws Exception {
        DoctorReport r = run(Map.of("LLM_GATEWAY_LOGS_DB", "none"));
        JsonNode j = json(r);
        assertThat(r.ok()).isTrue();
        assertThat(j.at("/persistence/backend").asText()).isEqualTo("none");
        assertThat(j.at("/persistence/asyncJobsEnabled").asBoolean()).isFalse();
        assertThat(j.at("/persistence/warning").asText()).isEqualTo(PersistenceSummary.NONE_WARNING);
        assertThat(j.at("/persistence/sources/envOverrides").toString()).isEqualTo("[\"LLM_GATEWAY_LOGS_DB\"]");
        assertThat(j.at("/persistence/warnings/0").asText()).contains("LLM_GATEWAY_LOGS_DB is deprecated");
        assertThat(r.plainText()).contains("! persistence: none; async jobs DISABLED");
    }

    @Test
    void doctorIsReadOnlyOnAFreshHome() throws Exception {
        Path elsewhere = tmp.resolve("project/state/jobs.db");
        TreeSnapshot before = TreeSnapshot.of(tmp);
        run(Map.of());
        run(Map.of("LLM_GATEWAY_JOBS_DB", elsewhere.toString(), "LLM_GATEWAY_TRANSPORT", "http"));
        assertThat(Files.exists(home.resolve(".llm-cli-gateway"))).isFalse();
        assertThat(Files.exists(elsewhere.getParent())).isFalse();
        assertThat(TreeSnapshot.of(tmp)).isEqualTo(before);
        assertThat(TreeSnapshot.of(home).entries()).containsOnlyKeys("/");
    }

    @Test
    void doctorNeverTouchesAnExistingJobStore() throws Exception {
        Path data = Files.createDirectories(home.resolve(".llm-cli-gateway"));
        Path db = data.resolve("logs.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE jobs(id TEXT PRIMARY KEY, status TEXT NOT NULL, error TEXT)");
            s.execute("INSERT INTO jobs VALUES ('job-1', 'running', NULL)");
        }
        TreeSnapshot before = TreeSnapshot.of(home);

        DoctorReport r = run(Map.of());

        assertThat(json(r).at("/persistence/dbExists").asBoolean()).isTrue();
        assertThat(TreeSnapshot.of(home)).isEqualTo(before); // no -wal/-shm, no mtime change, no new file
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, error FROM jobs WHERE id = 'job-1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("running"); // not marked orphaned
            assertThat(rs.getString(2)).isNull();
        }
    }

    @Test
    void loggedInProvidersWithCompleteSetupLeaveOnlyTheDefaultAction() throws Exception {
        fakes.installAllClis();
        write(".gemini/settings.json", "{\"mcpServers\":{\"sqry\":{},\"exa\":{},\"ref_tools\":{},\"trstr\":{}}}");
        write(".gemini/GEMINI.md", "context");
        write(".vibe/config.toml", "[session_logging]\nenabled = true\n");
        write(".codex/config.toml", "");
        write(".claude.json", "{\"mcpServers\":{\"llm-cli-gateway\":{\"command\":\"/x/jbang\","
                + "\"args\":[\"gateway@verivus\"]}}}");
        DoctorReport r = run(Map.of("GEMINI_API_KEY", "k", "LLM_GATEWAY_PUBLIC_URL", "https://gw.example.com/mcp",
                "LLM_GATEWAY_VERIFY_PUBLIC_URL", "1"));
        JsonNode j = json(r);
        assertThat(r.ok()).isTrue();
        assertThat(r.nextActions()).containsExactly(Doctor.DEFAULT_ACTION);
        assertThat(j.at("/providers/claude/login_status").asText()).isEqualTo("authenticated");
        assertThat(j.at("/providers/claude/version").asText()).isEqualTo("2.1.332 (Claude Code)");
        assertThat(j.at("/providers/gemini/login_check/method").asText()).isEqualTo("credential_store");
        assertThat(j.at("/endpoint_exposure/mode").asText()).isEqualTo("byo_reverse_proxy");
        assertThat(j.at("/endpoint_exposure/web_clients_supported").asBoolean()).isTrue();
        assertThat(j.at("/client_config/codex_config_present").asBoolean()).isTrue();
        assertThat(j.at("/client_config/gemini_settings_present").asBoolean()).isTrue();
        assertThat(j.at("/client_config/gemini_config/mcp_servers_registered").size()).isEqualTo(4);
        assertThat(j.at("/client_config/gemini_config/mcp_reconciliation/missing_from_settings").size()).isZero();
        assertThat(j.at("/client_config/vibe_session_logging/session_logging_enabled").asBoolean()).isTrue();
        assertThat(r.checks()).filteredOn(c -> c.subject().startsWith("claude")).singleElement()
                .satisfies(c -> assertThat(c.mark()).isEqualTo(DoctorCheck.Mark.OK));
    }

    @Test
    void claudeCodeWithoutTheGatewayRegisteredGetsTheCommandThatRegistersIt() throws Exception {
        fakes.installAllClis();
        DoctorReport r = run(Map.of());
        assertThat(json(r).at("/client_config/claude_code/gateway_registered").asBoolean()).isFalse();
        assertThat(r.nextActions()).anySatisfy(a -> assertThat(a).startsWith("claude code: the gateway is not "
                + "registered").contains("claude mcp add llm-cli-gateway -- ", " gateway@verivus"));

        write(".claude.json", "{\"projects\":{\"" + home + "\":{\"mcpServers\":{\"gw\":{\"command\":\"jbang\","
                + "\"args\":[\"gateway@verivus\"],\"env\":{\"SECRET\":\"never read\"}}}}}}");
        JsonNode registered = json(run(Map.of()));
        assertThat(registered.at("/client_config/claude_code/registrations/0/scope").asText()).isEqualTo("local");
        assertThat(registered.at("/client_config/claude_code/registrations/0/name").asText()).isEqualTo("gw");
        assertThat(registered.toString()).doesNotContain("never read");
        assertThat(run(Map.of()).nextActions()).noneSatisfy(a -> assertThat(a).startsWith("claude code:"));
    }

    @Test
    void notLoggedInProvidersAndGeminiAndVibeGapsBecomeNextActionsInOrder() throws Exception {
        fakes.installAllClis();
        for (String cli : DoctorFakes.CLIS) {
            fakes.mode(cli, "logged-out");
        }
        write(".gemini/settings.json", "{\"mcpServers\":{\"sqry\":{}}}");
        DoctorReport r = run(Map.of());
        List<String> actions = r.nextActions();
        // logged-out CLIs block the user more than the endpoint advice or the tuning of gemini and vibe
        assertThat(actions.getFirst()).startsWith("claude: ");
        assertThat(actions.indexOf(EndpointExposure.NOT_CONFIGURED_ACTION))
                .isGreaterThan(actions.indexOf(actions.stream().filter(a -> a.startsWith("gemini: login state unknown"))
                        .findFirst().orElseThrow()));
        assertThat(actions).filteredOn(a -> a.matches("^(claude|codex|grok|mistral): .*"))
                .extracting(a -> a.substring(0, a.indexOf(':')))
                .containsExactly("claude", "codex", "grok", "mistral", "mistral");
        assertThat(actions).contains("claude: " + ProviderGuidance.of(com.verivus.gateway.provider.CliName.CLAUDE)
                .login().summary() + " (claude auth login)");
        assertThat(actions).anySatisfy(a -> assertThat(a).startsWith("mistral: ").contains("vibe config set"));
        assertThat(actions).filteredOn(a -> a.startsWith("gemini: ")).hasSize(3) // login, GEMINI.md, MCP servers
                .anySatisfy(a -> assertThat(a).contains("not registered: exa, ref_tools, trstr"));
        // gemini without credentials is "unknown": its login step is offered, since it is the likeliest failure
        assertThat(json(r).at("/providers/gemini/login_status").asText()).isEqualTo("unknown");
        assertThat(actions).anySatisfy(a -> assertThat(a).startsWith("gemini: login state unknown")
                .contains("(gemini)"));
        assertThat(r.plainText()).contains("! codex (Codex CLI): codex-cli 0.169.0; NOT logged in");
        assertThat(r.ok()).isTrue();
    }

    @Test
    void aHungCliStillYieldsAValidReport() {
        fakes.install("claude", "codex").mode("claude", "hang-tree");
        GatewayEnvironment env = fakes.env(home, Map.of());
        DoctorReport r = new Doctor(env, new ProviderStatusProbe(env, Duration.ofSeconds(1)),
                url -> new PublicUrlVerifier.Result(200, null), CLOCK).run();
        JsonNode j = DoctorReportSchema.assertValid(r.json());
        assertThat(j.at("/providers/claude/cli_available").asBoolean()).isTrue();
        assertThat(j.at("/providers/claude/login_status").asText()).isEqualTo("unknown");
        assertThat(j.at("/providers/claude/error").asText()).contains("did not answer within 1 s");
        assertThat(j.at("/providers/codex/login_status").asText()).isEqualTo("authenticated");
        assertThat(r.plainText()).contains("! claude (Claude Code): claude --version did not answer");
        assertThat(r.nextActions()).anySatisfy(a -> assertThat(a).startsWith("claude: claude --version did not answer")
                .endsWith("run claude --version in a terminal to see what it waits for."));
    }

    @Test
    void anInvalidPortIsReportedAndTheDefaultAssumed() {
        DoctorReport r = run(Map.of("LLM_GATEWAY_HTTP_PORT", "http"));
        JsonNode j = json(r);
        assertThat(j.at("/transport/http/port").asInt()).isEqualTo(3333);
        assertThat(j.at("/transport/http/error").asText()).contains("LLM_GATEWAY_HTTP_PORT must be an integer");
        assertThat(r.nextActions()).anySatisfy(a -> assertThat(a).startsWith("Fix LLM_GATEWAY_HTTP_PORT"));
    }

    @Test
    void theSchemaRejectsReportsThatDrift() {
        DoctorReport r = run(Map.of());
        ObjectNode missing = (ObjectNode) json(r);
        missing.remove("next_actions");
        assertThat(DoctorReportSchema.errors(missing)).isNotEmpty();
        ObjectNode badMode = (ObjectNode) json(r);
        ((ObjectNode) badMode.get("endpoint_exposure")).put("mode", "public");
        assertThat(DoctorReportSchema.errors(badMode)).isNotEmpty();
        ObjectNode extra = (ObjectNode) json(r);
        ((ObjectNode) extra.at("/providers/claude")).put("surprise", 1);
        assertThat(DoctorReportSchema.errors(extra)).isNotEmpty();
        ObjectNode emptyActions = (ObjectNode) json(r);
        emptyActions.putArray("next_actions");
        assertThat(DoctorReportSchema.errors(emptyActions)).isNotEmpty();
    }

    private String write(String relative, String content) throws Exception {
        Path p = home.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p.toString();
    }
}
