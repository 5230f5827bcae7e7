package com.verivus.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrintClientConfigCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TomlMapper TOML = new TomlMapper();

    @TempDir
    Path home;

    private CommandRun print(Map<String, String> extra, String... args) {
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", home.toString());
        vars.put("PATH", "/usr/bin:/bin");
        vars.putAll(extra);
        return CommandRun.of(new PrintClientConfigCommand(EnvironmentSource.of(new GatewayEnvironment(vars, home, home))),
                args);
    }

    private String writeToken(String token) throws Exception {
        Files.createDirectories(home.resolve(".llm-cli-gateway"));
        Files.writeString(home.resolve(".llm-cli-gateway/auth-token"), token + "\n");
        return token;
    }

    /** The stdio server entry, wherever the client's format keeps it. */
    private static JsonNode stdioEntry(String client, String out) throws Exception {
        return switch (client) {
            case "codex" -> TOML.readTree(out).at("/mcp_servers/llm-cli-gateway");
            case "json" -> JSON.readTree(out);
            default -> JSON.readTree(out).at("/mcpServers/llm-cli-gateway");
        };
    }

    @ParameterizedTest(name = "stdio snippet for {0} parses and starts this repo's jbang with absolute paths")
    @ValueSource(strings = {"claude-code", "claude-desktop", "codex", "gemini-cli", "json"})
    void stdioSnippetsParseAndUseAbsolutePaths(String client) throws Exception {
        CommandRun run = print(Map.of(), "--client", client, "--transport", "stdio");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode entry = stdioEntry(client, run.out());
        Path command = Path.of(entry.get("command").asText());
        assertThat(command).isAbsolute().endsWith(Path.of("jbang")).isExecutable();
        assertThat(command.resolveSibling("jbang-catalog.json")).exists();
        assertThat(entry.get("args").toString()).isEqualTo("[\"gateway@verivus\"]");
        Path javaHome = Path.of(entry.at("/env/JAVA_HOME").asText());
        assertThat(javaHome).isAbsolute();
        assertThat(javaHome.resolve("bin/java")).isExecutable();
        if (client.equals("codex")) {
            assertThat(entry.get("startup_timeout_sec").asInt()).isEqualTo(120);
        }
    }

    @Test
    void claudeCodeAlsoGetsAClaudeMcpAddCommandThatAShellSplitsCorrectly() throws Exception {
        CommandRun run = print(Map.of(), "--client", "claude-code", "--transport", "stdio");
        String line = run.err().lines().filter(l -> l.contains("claude mcp add")).findFirst().orElseThrow();
        List<String> argv = shellWords(line.replaceFirst("^#\\s*", ""));
        JsonNode entry = stdioEntry("claude-code", run.out());
        assertThat(argv).containsExactly("claude", "mcp", "add", "--scope", "user", "llm-cli-gateway", "--env",
                "JAVA_HOME=" + entry.at("/env/JAVA_HOME").asText(), "--", entry.get("command").asText(), "gateway@verivus");
    }

    @Test
    void anExplicitJbangPathWins() throws Exception {
        CommandRun run = print(Map.of("LLM_GATEWAY_JBANG", "/opt/tools/jbang"), "--client", "gemini-cli");
        assertThat(stdioEntry("gemini-cli", run.out()).get("command").asText()).isEqualTo("/opt/tools/jbang");
    }

    @ParameterizedTest(name = "http snippet for {0} carries the URL and the bearer token")
    @ValueSource(strings = {"claude-code", "claude-desktop", "codex", "gemini-cli", "json"})
    void httpSnippetsCarryUrlAndBearerHeader(String client) throws Exception {
        String token = writeToken("0123abcd");
        CommandRun run = print(Map.of("LLM_GATEWAY_HTTP_PORT", "4123"), "--client", client, "--transport", "http");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String url = "http://127.0.0.1:4123/mcp";
        switch (client) {
            case "claude-code" -> {
                JsonNode e = JSON.readTree(run.out()).at("/mcpServers/llm-cli-gateway");
                assertThat(e.get("type").asText()).isEqualTo("http");
                assertThat(e.get("url").asText()).isEqualTo(url);
                assertThat(e.at("/headers/Authorization").asText()).isEqualTo("Bearer " + token);
                String line = run.err().lines().filter(l -> l.contains("claude mcp add")).findFirst().orElseThrow();
                assertThat(shellWords(line.replaceFirst("^#\\s*", ""))).containsExactly("claude", "mcp", "add",
                        "--transport", "http", "--scope", "user", "llm-cli-gateway", url, "--header",
                        "Authorization: Bearer " + token);
            }
            case "claude-desktop" -> {
                JsonNode e = JSON.readTree(run.out()).at("/mcpServers/llm-cli-gateway");
                assertThat(e.get("command").asText()).isEqualTo("npx");
                assertThat(e.get("args").toString()).isEqualTo("[\"-y\",\"mcp-remote\",\"" + url
                        + "\",\"--header\",\"Authorization:${LLM_GATEWAY_AUTHORIZATION}\"]");
                assertThat(e.at("/env/LLM_GATEWAY_AUTHORIZATION").asText()).isEqualTo("Bearer " + token);
            }
            case "codex" -> {
                JsonNode e = TOML.readTree(run.out()).at("/mcp_servers/llm-cli-gateway");
                assertThat(e.get("url").asText()).isEqualTo(url);
                assertThat(e.at("/http_headers/Authorization").asText()).isEqualTo("Bearer " + token);
            }
            case "gemini-cli" -> {
                JsonNode e = JSON.readTree(run.out()).at("/mcpServers/llm-cli-gateway");
                assertThat(e.get("httpUrl").asText()).isEqualTo(url);
                assertThat(e.at("/headers/Authorization").asText()).isEqualTo("Bearer " + token);
            }
            default -> {
                JsonNode e = JSON.readTree(run.out());
                assertThat(e.get("transport").asText()).isEqualTo("streamable_http");
                assertThat(e.get("url").asText()).isEqualTo(url);
                assertThat(e.at("/headers/Authorization").asText()).isEqualTo("Bearer " + token);
            }
        }
        assertThat(run.err()).contains("contains the gateway's bearer token");
    }

    @Test
    void theEnvironmentTokenWinsAndCanBeRedacted() throws Exception {
        writeToken("from-file");
        CommandRun env = print(Map.of("LLM_GATEWAY_AUTH_TOKEN", "from-env"), "--client", "json", "--transport", "http");
        assertThat(JSON.readTree(env.out()).at("/headers/Authorization").asText()).isEqualTo("Bearer from-env");
        CommandRun redacted = print(Map.of(), "--client", "json", "--transport", "http", "--redact-token");
        assertThat(JSON.readTree(redacted.out()).at("/headers/Authorization").asText()).isEqualTo("Bearer <redacted>");
        assertThat(redacted.out() + redacted.err()).doesNotContain("from-file");
    }

    @Test
    void withoutATokenAPlaceholderIsPrintedAndNothingIsCreated() throws Exception {
        CommandRun run = print(Map.of("LLM_GATEWAY_TRANSPORT", "http"), "--client", "gemini-cli");
        assertThat(JSON.readTree(run.out()).at("/mcpServers/llm-cli-gateway/headers/Authorization").asText())
                .isEqualTo("Bearer " + PrintClientConfigCommand.NO_TOKEN);
        assertThat(run.err()).contains("No token yet: gateway start creates");
        assertThat(home.resolve(".llm-cli-gateway")).doesNotExist();
    }

    @Test
    void disabledAuthMeansNoHeader() throws Exception {
        CommandRun run = print(Map.of("LLM_GATEWAY_AUTH_DISABLED", "1"), "--client", "codex", "--transport", "http");
        JsonNode e = TOML.readTree(run.out()).at("/mcp_servers/llm-cli-gateway");
        assertThat(e.has("http_headers")).isFalse();
        assertThat(e.get("url").asText()).isEqualTo("http://127.0.0.1:3333/mcp");
    }

    @Test
    void badOptionsAreClearErrors() {
        CommandRun client = print(Map.of(), "--client", "vscode");
        assertThat(client.exitCode()).isEqualTo(2);
        assertThat(client.err()).contains("--client must be one of claude-code, claude-desktop, codex, gemini-cli, json "
                + "(got \"vscode\")");
        CommandRun transport = print(Map.of(), "--transport", "sse");
        assertThat(transport.exitCode()).isEqualTo(2);
        assertThat(transport.err()).contains("--transport must be stdio or http (got \"sse\")");
        assertThat(client.out()).isEmpty();
    }

    /** Splits a command line the way a POSIX shell does (python3's shlex), to prove the quoting. */
    private static List<String> shellWords(String line) throws Exception {
        Process p = new ProcessBuilder("python3", "-c",
                "import json,shlex,sys; print(json.dumps(shlex.split(sys.argv[1])))", line).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        return JSON.readValue(out, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
