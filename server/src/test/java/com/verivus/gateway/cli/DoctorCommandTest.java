package com.verivus.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.doctor.DoctorFakes;
import com.verivus.gateway.doctor.DoctorReportSchema;
import com.verivus.gateway.doctor.TreeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path home;
    DoctorFakes fakes;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        fakes = DoctorFakes.in(tmp).installAllClis();
    }

    private CommandRun doctor(Map<String, String> vars, String... args) {
        GatewayEnvironment env = fakes.env(home, vars);
        return CommandRun.of(new DoctorCommand(EnvironmentSource.of(env)), args);
    }

    @Test
    void jsonPrintsASchemaValidReportAndExitsZeroEvenWhenNotOk() throws Exception {
        CommandRun run = doctor(Map.of("LLM_GATEWAY_TRANSPORT", "http"), "--json");
        assertThat(run.exitCode()).isZero();
        JsonNode report = DoctorReportSchema.assertValid(JSON.readTree(run.out()));
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(run.err()).startsWith("doctor: checking claude, codex, gemini, grok and vibe");
        assertThat(run.out()).startsWith("{\n  \"schema_version\": \"1.0\",\n  \"ok\": false,");
    }

    @Test
    void strictJsonExitsOneWhenNotOkAndZeroWhenOk() {
        assertThat(doctor(Map.of("LLM_GATEWAY_TRANSPORT", "http"), "--json", "--strict").exitCode()).isEqualTo(1);
        assertThat(doctor(Map.of("LLM_GATEWAY_TRANSPORT", "http", "LLM_GATEWAY_AUTH_TOKEN", "t"), "--json", "--strict")
                .exitCode()).isZero();
    }

    @Test
    void plainOutputMarksEachCheckAndExitsOneWhenSomethingBlocks() {
        CommandRun blocked = doctor(Map.of("MCP_TRANSPORT", "http"));
        assertThat(blocked.exitCode()).isEqualTo(1);
        assertThat(blocked.out()).contains("✗ auth: ").contains("✓ claude (Claude Code): 2.1.332 (Claude Code); logged in")
                .contains("Something blocks the gateway").contains("Next actions:\n  1. Set LLM_GATEWAY_AUTH_TOKEN");

        CommandRun fine = doctor(Map.of());
        assertThat(fine.exitCode()).isZero();
        assertThat(fine.out()).doesNotContain("✗").contains("Nothing blocks the gateway.")
                .containsPattern("(?m)^! gemini \\(Gemini CLI\\): 0\\.61\\.0; login state unknown");
        assertThat(fine.out().lines().filter(l -> l.matches("^[✓!✗] .*"))).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void gatewayDoctorAndDoctorEntryRunAsProcessesAndStayReadOnly() throws Exception {
        fakes.mode("grok", "hang-tree"); // one hung CLI: the doctor still finishes within its bound
        Map<String, String> vars = new HashMap<>(fakes.vars());
        vars.put("HOME", home.toString());
        Path data = Files.createDirectories(home.resolve(".llm-cli-gateway"));
        Files.writeString(data.resolve("config.toml"), "[persistence]\nbackend = \"sqlite\"\n");
        TreeSnapshot before = TreeSnapshot.of(home);

        long start = System.nanoTime();
        ProcessRun viaGateway = ProcessRun.java(GatewayCommand.class.getName(), vars, home, 60, "doctor", "--json");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(viaGateway.exitCode()).as(viaGateway.err()).isZero();
        JsonNode report = DoctorReportSchema.assertValid(JSON.readTree(viaGateway.out()));
        assertThat(report.at("/providers/grok/error").asText()).contains("did not answer within 5 s");
        assertThat(report.at("/providers/claude/login_status").asText()).isEqualTo("authenticated");
        assertThat(report.at("/persistence/sources/configFile").asText()).isEqualTo(data.resolve("config.toml").toString());

        ProcessRun viaEntry = ProcessRun.java(DoctorCommand.class.getName(), vars, home, 60);
        assertThat(viaEntry.exitCode()).as(viaEntry.err()).isZero();
        assertThat(viaEntry.out()).contains("✓ codex (Codex CLI): codex-cli 0.169.0; logged in");

        assertThat(TreeSnapshot.of(home)).isEqualTo(before);
    }
}
