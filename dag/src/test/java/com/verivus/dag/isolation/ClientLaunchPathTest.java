package com.verivus.dag.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.dag.testsupport.IsolationRun;
import com.verivus.dag.testsupport.TempRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * U04/U05 through Claude Code's own configuration: isolate reads ~/.claude.json and .mcp.json, starts
 * exactly the server entry they declare (a real process speaking MCP over stdio) in the repository, and
 * reads llm_process_health on that connection.
 */
class ClientLaunchPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    TempRepo repo;
    Path real;
    Path home;
    Path work;

    @BeforeEach
    void setUp() throws IOException {
        repo = TempRepo.init(temp.resolve("repo"));
        real = repo.root().toRealPath();
        home = Files.createDirectories(temp.resolve("home"));
        work = Files.createDirectories(temp.resolve("work"));
    }

    private IsolationRun isolate() {
        return new IsolationRun(repo.root(), home, work).withoutGatewayCommand();
    }

    private static ObjectNode server(Map<String, String> env) {
        ObjectNode server = JSON.createObjectNode();
        List<String> argv = IsolationRun.fakeGatewayArgv();
        server.put("command", argv.getFirst());
        ArrayNode args = server.putArray("args");
        argv.subList(1, argv.size()).forEach(args::add);
        ObjectNode envNode = server.putObject("env");
        env.forEach(envNode::put);
        return server;
    }

    private void userScope(String name, ObjectNode server) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("mcpServers").set(name, server);
        Files.writeString(home.resolve(".claude.json"), root.toPrettyString());
    }

    @Test
    void theUserScopeServerIsStartedExactlyAsClaudeCodeWouldAndConfirmsIsolationOverStdio() throws Exception {
        userScope("llm-cli-gateway", server(Map.of("FAKE_GATEWAY_MARKER", "from-server-env")));
        repo.write(".claude/settings.local.json", "{\"env\": {\"FAKE_GATEWAY_SETTINGS_MARKER\": \"from-settings\"}}\n");

        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.unit("U04").path("stdout_tail").toString()).contains("~/.claude.json (user scope)")
                .contains("over stdio").contains("FAKE_GATEWAY_MARKER").doesNotContain("from-server-env");
        JsonNode start = result.gatewayRecord().getFirst();
        assertThat(start.path("cwd").asText()).isEqualTo(real.toString());
        assertThat(start.path("args")).isEmpty();
        assertThat(start.path("envConfig").isNull()).isTrue();
        assertThat(start.path("marker").asText()).isEqualTo("from-server-env");
        assertThat(start.path("settingsMarker").asText()).isEqualTo("from-settings");
        JsonNode quote = JSON.readTree(result.unit("U05").path("verification_quote").asText());
        assertThat(quote.at("/sources/configFile").asText()).isEqualTo(real.resolve(".gateway/config.toml").toString());
        assertThat(quote.at("/sources/selectedBy").asText()).isEqualTo("approved project");
        assertThat(result.unit("U05").path("stdout_tail").toString()).contains("tools/call llm_process_health over stdio");
        assertThat(result.gatewayRecord()).anySatisfy(r -> assertThat(r.path("event").asText()).isEqualTo("stdin-closed"));
    }

    @Test
    void anMcpJsonWrittenByPrintClientConfigIsAcceptedAndItsServerIsTheOneStarted() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("mcpServers").set("llm-cli-gateway", server(Map.of("FAKE_GATEWAY_MARKER", "project-scope")));
        repo.write(".mcp.json", root.toPrettyString());
        userScope("llm-cli-gateway", server(Map.of("FAKE_GATEWAY_MARKER", "user-scope")));

        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.unit("U03").path("stdout_tail").toString()).contains(".mcp.json declares mcpServers.llm-cli-gateway");
        assertThat(result.unit("U04").path("stdout_tail").toString()).contains(".mcp.json (project scope)");
        assertThat(result.gatewayRecord().getFirst().path("marker").asText()).as("project scope wins over user scope")
                .isEqualTo("project-scope");
    }

    @Test
    void theNodeReadmeServerNameIsStillFound() throws Exception {
        userScope("llm-gateway", server(Map.of()));

        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.unit("U04").path("stdout_tail").toString()).contains("declares `llm-gateway`");
    }

    @Test
    void anLlmGatewayConfigInTheClientsEnvironmentThatPointsElsewhereFailsTheHealthGateAndSaysWhy() throws Exception {
        Path other = Files.writeString(temp.resolve("other.toml"), "[persistence]\nbackend = \"sqlite\"\npath = \""
                + temp.resolve("other.db") + "\"\n");
        userScope("llm-cli-gateway", server(Map.of("LLM_GATEWAY_CONFIG", other.toString())));

        IsolationRun.Result result = isolate().run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.unit("U04").path("stdout_tail").toString()).contains("sets LLM_GATEWAY_CONFIG=" + other);
        JsonNode finding = result.findings().getFirst();
        assertThat(finding.path("gate_id").asText()).isEqualTo("gate_health_confirms_isolation");
        assertThat(finding.path("observed").asText()).contains(other.toString());
        assertThat(finding.path("remediation").asText()).contains("LLM_GATEWAY_CONFIG in the gateway's environment");
    }

    @Test
    void withoutAClaudeCodeEntryTheGatewayIsStartedWithJbangInTheRepositoryAndStillFindsTheProject() throws Exception {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        List<String> fake = IsolationRun.fakeGatewayArgv();
        // a jbang on PATH that runs the fake gateway with the arguments after the alias
        Path jbang = Files.writeString(bin.resolve("jbang"), "#!/bin/sh\nshift\nexec '" + String.join("' '", fake)
                + "' \"$@\"\n");
        Files.setPosixFilePermissions(jbang, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        IsolationRun.Result result = isolate().env("PATH", bin + ":" + System.getenv("PATH")).run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.unit("U04").path("stdout_tail").toString())
                .contains("Claude Code declares none of [llm-cli-gateway, llm-gateway]")
                .contains(jbang + " gateway@verivus --transport=http");
        JsonNode start = result.gatewayRecord().getFirst();
        assertThat(start.path("cwd").asText()).isEqualTo(real.toString());
        assertThat(start.path("envConfig").isNull()).isTrue();
        assertThat(JSON.readTree(result.unit("U05").path("verification_quote").asText()).at("/sources/configFile").asText())
                .isEqualTo(real.resolve(".gateway/config.toml").toString());
    }
}
