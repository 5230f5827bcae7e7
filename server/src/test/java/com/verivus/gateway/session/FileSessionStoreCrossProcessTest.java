package com.verivus.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.SessionStore.Activation;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVM processes sharing one data directory, as several gateways on one machine do. */
class FileSessionStoreCrossProcessTest {

    @TempDir
    Path dataDir;

    private static String classpath() throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        String runtime = Files.readString(target.resolve("runtime-classpath.txt")).strip();
        return target.resolve("classes") + File.pathSeparator + target.resolve("test-classes")
                + File.pathSeparator + runtime;
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classpath(),
                SessionStoreProcess.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", dataDir.toString());
        pb.environment().remove("SESSION_TTL");
        return pb.start();
    }

    private static String finish(Process p) throws Exception {
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isZero();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8) + "\n--stderr--\n" + stderr;
    }

    @Test
    void twoGatewayProcessesAndThisOneWritingAtOnceLoseNoSession() throws Exception {
        FileSessionStore here = new FileSessionStore(dataDir, SessionTtl.from(
                new com.verivus.gateway.config.GatewayEnvironment(java.util.Map.of(), dataDir, dataDir)),
                java.time.Clock.systemUTC());
        here.create(CliName.CODEX, "shared", "shared", Activation.NEVER);
        int perProcess = 40;
        Process a = launch("create", dataDir.toString(), "a", String.valueOf(perProcess));
        Process b = launch("create", dataDir.toString(), "b", String.valueOf(perProcess));
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
