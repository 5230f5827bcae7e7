package com.verivus.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.SessionStore.Activation;
import com.verivus.gateway.testing.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVM processes sharing one data directory, as several gateways on one machine do. */
class FileSessionStoreCrossProcessTest {

    @TempDir
    Path dataDir;

    private GatewayProcess launch(String... args) {
        return GatewayProcess.builder(dataDir).testMain(SessionStoreProcess.class)
                .jvmArgs("-Xshare:auto", "-XX:TieredStopAtLevel=1").args(args).start().closeStdin();
    }

    private static String finish(GatewayProcess p) {
        int exit = p.awaitExit(Duration.ofSeconds(60));
        assertThat(exit).as(p.stderr()).isZero();
        return p.stdoutLines().stream().map(GatewayProcess.Line::text).collect(Collectors.joining("\n", "", "\n"))
                + "\n--stderr--\n" + p.stderr();
    }

    @Test
    void twoGatewayProcessesAndThisOneWritingAtOnceLoseNoSession() throws Exception {
        FileSessionStore here = new FileSessionStore(dataDir, SessionTtl.from(
                new com.verivus.gateway.config.GatewayEnvironment(java.util.Map.of(), dataDir, dataDir)),
                java.time.Clock.systemUTC());
        here.create(CliName.CODEX, "shared", "shared", Activation.NEVER);
        int perProcess = 40;
        GatewayProcess a = launch("create", dataDir.toString(), "a", String.valueOf(perProcess));
        GatewayProcess b = launch("create", dataDir.toString(), "b", String.valueOf(perProcess));
        for (int i = 0; i < perProcess; i++) {
            here.create(CliName.GEMINI, null, "here-" + i, Activation.IF_NONE_ACTIVE);
        }
        finish(a);
        finish(b);

        assertThat(here.list()).hasSize(3 * perProcess + 1);
        assertThat(here.get("shared").orElseThrow().metadata()).hasSize(2 * perProcess)
                .containsKeys("a-0", "a-39", "b-0", "b-39");
        String count = finish(launch("list", dataDir.toString()));
        assertThat(count).startsWith(String.valueOf(3 * perProcess + 1));
    }

    @Test
    void aCorruptFileIsReportedOnStderrAndKeptAside() throws Exception {
        Files.writeString(dataDir.resolve("sessions.json"), "{ not json");
        String output = finish(launch("list", dataDir.toString()));
        assertThat(output).startsWith("0\n");
        assertThat(output).containsPattern("\\[WARN\\] \\S+ - Session file .*sessions\\.json is unreadable "
                + "\\(not valid JSON: .*\\); moved it to .*sessions\\.json\\.corrupt-\\d{8}T\\d{9}Z and starting "
                + "with no sessions");
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("sessions.json.corrupt-"));
        }
    }
}
