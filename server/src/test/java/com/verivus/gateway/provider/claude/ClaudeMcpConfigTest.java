package com.verivus.gateway.provider.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.provider.AdapterTestBase;
import com.verivus.gateway.provider.McpServerName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudeMcpConfigTest extends AdapterTestBase {

    JsonNode servers(ClaudeMcpConfig.Prepared p) throws Exception {
        return new ObjectMapper().readTree(p.path().toFile()).path("mcpServers");
    }

    ClaudeMcpConfig.Prepared prepare(boolean strict, McpServerName... names) {
        return ClaudeMcpConfig.prepare(McpServerName.normalise(List.of(names)), strict, fx.environment(), fx.data);
    }

    /** An executable at the server's default path, ~/.local/bin/<name>-mcp: "installed". */
    void install(String binary) throws Exception {
        Path bin = Files.createDirectories(fx.home.resolve(".local/bin"));
        Files.writeString(bin.resolve(binary), "#!/bin/sh\n");
        assertThat(bin.resolve(binary).toFile().setExecutable(true)).isTrue();
    }

    void codexConfig(String toml) throws Exception {
        Files.createDirectories(fx.home.resolve(".codex"));
        Files.writeString(fx.home.resolve(".codex/config.toml"), toml);
    }

    @Test
    void nothingRequestedWritesNoConfigAndPassesNone() {
        ClaudeMcpConfig.Prepared p = prepare(false);
        assertThat(p.path()).isNull();
        assertThat(p.requested()).isEmpty();
        assertThat(fx.data.resolve(ClaudeMcpConfig.FILE_NAME)).doesNotExist();
    }

    @Test
    void sqryAndTrstrThatAreNeitherInstalledNorConfiguredAreMissing() {
        ClaudeMcpConfig.Prepared p = prepare(false, McpServerName.SQRY, McpServerName.TRSTR);
        assertThat(p.path()).isNull();
        assertThat(p.enabled()).isEmpty();
        assertThat(p.missing()).containsExactly("sqry", "trstr");
    }

    @Test
    void installedSqryAndTrstrNeedNoCredentials() throws Exception {
        install("sqry-mcp");
        install("trstr-mcp");
        ClaudeMcpConfig.Prepared p = prepare(false, McpServerName.SQRY, McpServerName.TRSTR);
        assertThat(p.enabled()).containsExactly("sqry", "trstr");
        assertThat(p.missing()).isEmpty();
        assertThat(servers(p).path("trstr").path("command").asText())
                .isEqualTo(fx.home.resolve(".local/bin/trstr-mcp").toString());
        assertThat(servers(p).path("trstr").has("env")).isFalse();
    }

    @Test
    void exaAndRefToolsAreMissingWithoutKeys() throws Exception {
        install("sqry-mcp");
        ClaudeMcpConfig.Prepared p = prepare(false, McpServerName.SQRY, McpServerName.EXA, McpServerName.REF_TOOLS);
        assertThat(p.enabled()).containsExactly("sqry");
        assertThat(p.missing()).containsExactly("exa", "ref_tools");
    }

    @Test
    void keysFromTheEnvironmentAreInjected() throws Exception {
        fx.env("EXA_API_KEY", "exa-secret").env("REF_API_KEY", "ref-secret");
        ClaudeMcpConfig.Prepared p = prepare(false, McpServerName.EXA, McpServerName.REF_TOOLS);
        JsonNode s = servers(p);
        assertThat(s.path("exa").path("command").asText()).isEqualTo("npx");
        assertThat(s.path("exa").path("args").toString()).isEqualTo("[\"-y\",\"exa-mcp-server\"]");
        assertThat(s.path("exa").path("env").path("EXA_API_KEY").asText()).isEqualTo("exa-secret");
        assertThat(s.path("ref_tools").path("args").toString()).isEqualTo("[\"-y\",\"ref-tools-mcp\"]");
        assertThat(s.path("ref_tools").path("env").path("REF_API_KEY").asText()).isEqualTo("ref-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p.path()))).isEqualTo("rw-------");
    }

    @Test
    void newestNvmExaEntryPointIsPreferred() throws Exception {
        fx.env("EXA_API_KEY", "k");
        for (String v : List.of("v9.11.2", "v20.10.0", "v18.19.1")) {
            Path entry = fx.home.resolve(".nvm/versions/node/" + v
                    + "/lib/node_modules/exa-mcp-server/.smithery/stdio/index.cjs");
            Files.createDirectories(entry.getParent());
            Files.writeString(entry, "");
        }
        Files.createDirectories(fx.home.resolve(".nvm/versions/node/v22.1.0"));
        JsonNode exa = servers(prepare(false, McpServerName.EXA)).path("exa");
        assertThat(exa.path("command").asText()).isEqualTo("node");
        assertThat(exa.path("args").get(0).asText()).contains("/v20.10.0/");
    }

    @Test
    void codexConfigDefinitionsAreReused() throws Exception {
        codexConfig("""
                model = "gpt-5.5"
                [mcp_servers.sqry]
                command = "/opt/sqry/bin/sqry-mcp"
                args = ["--stdio"]
                [mcp_servers.sqry.env]
                SQRY_HOME = "/opt/sqry"
                [mcp_servers.exa]
                command = "exa-local"
                env = { EXA_API_KEY = "from-toml" }
                """);
        ClaudeMcpConfig.Prepared p = prepare(false, McpServerName.SQRY, McpServerName.EXA);
        JsonNode s = servers(p);
        assertThat(p.enabled()).containsExactly("sqry", "exa");
        assertThat(s.path("sqry").path("command").asText()).isEqualTo("/opt/sqry/bin/sqry-mcp");
        assertThat(s.path("sqry").path("args").toString()).isEqualTo("[\"--stdio\"]");
        assertThat(s.path("sqry").path("env").path("SQRY_HOME").asText()).isEqualTo("/opt/sqry");
        assertThat(s.path("exa").path("command").asText()).isEqualTo("exa-local");
        assertThat(s.path("exa").path("env").path("EXA_API_KEY").asText()).isEqualTo("from-toml");
    }

    @Test
    void commandOnlyTableKeepsTheFallbackArgs() throws Exception {
        fx.env("REF_API_KEY", "k");
        codexConfig("[mcp_servers.ref_tools]\ncommand = \"bunx\"\n");
        JsonNode ref = servers(prepare(false, McpServerName.REF_TOOLS)).path("ref_tools");
        assertThat(ref.path("command").asText()).isEqualTo("bunx");
        assertThat(ref.path("args").toString()).isEqualTo("[\"-y\",\"ref-tools-mcp\"]");
    }

    @Test
    void invalidTomlFallsBackToDefaults() throws Exception {
        install("sqry-mcp");
        codexConfig("[mcp_servers.sqry\ncommand = ");
        JsonNode sqry = servers(prepare(false, McpServerName.SQRY)).path("sqry");
        assertThat(sqry.path("command").asText()).isEqualTo(fx.home.resolve(".local/bin/sqry-mcp").toString());
    }

    @Test
    void duplicatesAreRequestedOnce() {
        ClaudeMcpConfig.Prepared p = ClaudeMcpConfig.prepare(McpServerName.normaliseKeys(List.of("sqry", "trstr",
                "sqry")), false, fx.environment(), fx.data);
        assertThat(p.requested()).containsExactly("sqry", "trstr");
    }

    @Test
    void existingWorldReadableFileIsReplacedWithAPrivateOne() throws Exception {
        Files.createDirectories(fx.data);
        Path file = fx.data.resolve(ClaudeMcpConfig.FILE_NAME);
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        install("sqry-mcp");
        prepare(false, McpServerName.SQRY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("\"mcpServers\"");
        List<String> left = new ArrayList<>();
        try (var l = Files.list(fx.data)) {
            l.forEach(x -> left.add(x.getFileName().toString()));
        }
        assertThat(left).containsExactly(ClaudeMcpConfig.FILE_NAME);
    }

    @Test
    void writeFailureIsReportedWithTheDocumentedPrefix() throws Exception {
        install("sqry-mcp");
        Files.writeString(tmp.resolve("blocker"), "a file where the data directory should be");
        assertThatThrownBy(() -> ClaudeMcpConfig.prepare(List.of(McpServerName.SQRY), false, fx.environment(),
                tmp.resolve("blocker")))
                .isInstanceOf(ClaudeMcpConfigException.class)
                .hasMessageStartingWith("Failed to write Claude MCP config: ");
    }

    @Test
    void anUnchangedConfigIsNotRewritten() throws Exception {
        install("sqry-mcp");
        install("trstr-mcp");
        Path file = prepare(false, McpServerName.SQRY).path();
        Object inode = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        prepare(false, McpServerName.SQRY);
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        prepare(false, McpServerName.SQRY, McpServerName.TRSTR);
        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isNotEqualTo(inode);
        assertThat(Files.readString(file)).contains("\"trstr\"");
    }

    @Test
    void theSameContentWithAWiderModeIsReplacedWithAPrivateFile() throws Exception {
        install("sqry-mcp");
        Path file = prepare(false, McpServerName.SQRY).path();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        prepare(false, McpServerName.SQRY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aLinkToTheSameContentIsReplacedWithARegularFile() throws Exception {
        install("sqry-mcp");
        Path file = prepare(false, McpServerName.SQRY).path();
        Path elsewhere = tmp.resolve("elsewhere.json");
        Files.move(file, elsewhere);
        Files.createSymbolicLink(file, elsewhere);
        prepare(false, McpServerName.SQRY);
        assertThat(Files.isSymbolicLink(file)).isFalse();
        assertThat(Files.readString(file)).isEqualTo(Files.readString(elsewhere));
    }
}
