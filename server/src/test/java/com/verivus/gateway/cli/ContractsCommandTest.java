package com.verivus.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ContractsCommandTest {

    @TempDir
    Path tmp;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        GatewayEnvironment env = new GatewayEnvironment(Map.of("PATH", ""), tmp.resolve("home"), tmp);
        return ContractsCommand.run(env, new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void jsonPrintsTheWholeReport() throws Exception {
        assertThat(run("--json")).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("contracts").size()).isEqualTo(5);
        assertThat(report.path("installedProbe").isNull()).isTrue();
        assertThat(err.toString()).isEmpty();
        assertThat(Files.exists(tmp.resolve("home"))).as("writes nothing, not even the data directory").isFalse();
    }

    @Test
    void oneCliAndProbe() throws Exception {
        assertThat(run("--json", "--cli=codex", "--probe-installed")).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.path("contracts").fieldNames()).toIterable().containsExactly("codex");
        assertThat(report.path("installedProbe").path("codex").path("available").asBoolean()).isFalse();
    }

    @Test
    void badCliValueExitsTwo() {
        assertThat(run("--json", "--cli=cursor")).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("Unsupported --cli value: cursor");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void withoutJsonPrintsUsageAndExitsTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).startsWith("Usage: gateway contracts --json");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void isASubcommandOfGateway() {
        CommandLine gateway = new CommandLine(new GatewayCommand());
        assertThat(gateway.getSubcommands()).containsKey("contracts");
    }
}
