package com.verivus.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake CLIs' modes behave as fake-cli/README.md promises, so other suites can rely on them. */
class FakeClisTest {

    @TempDir
    Path tmp;

    static CliInvocation grok(String... args) {
        return new CliInvocation(CliName.GROK, List.of(args), Map.of(), null, null, List.of(), false);
    }

    Process start(FakeClis fakes, Map<String, String> env, String exe, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(fakes.bin().resolve(exe).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(fakes.env(env));
        return pb.start();
    }

    @Test
    void installedFakesAreExecutableAndOnThePath() {
        FakeClis fakes = FakeClis.install(tmp);
        for (CliName cli : CliName.values()) {
            assertThat(Files.isExecutable(fakes.bin().resolve(cli.executable()))).isTrue();
        }
        assertThat(fakes.path()).startsWith(fakes.bin().toString());
        assertThat(fakes.env(Map.of("FAKE_CLI_MODE", "slow"))).containsEntry("FAKE_CLI_RECORD",
                fakes.recordFile().toString()).containsEntry("FAKE_CLI_MODE", "slow");
    }

    @Test
    void hugeModePrintsExactlyTheRequestedBytes() {
        FakeClis fakes = FakeClis.install(tmp);
        FakeClis.Result r = fakes.run(grok("-p", "x"), tmp, Map.of("FAKE_CLI_MODE", "huge", "FAKE_CLI_BYTES", "250000"),
                Duration.ofSeconds(20));
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().length()).isEqualTo(250_000);
    }

    @Test
    void slowModeWaitsThenAnswers() {
        FakeClis fakes = FakeClis.install(tmp);
        long start = System.nanoTime();
        FakeClis.Result r = fakes.run(grok("-p", "x"), tmp, Map.of("FAKE_CLI_MODE", "slow", "FAKE_CLI_SLEEP_MS", "700"),
                Duration.ofSeconds(20));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThat(r.stdout()).isEqualTo("fake grok answer: x\n");
    }

    @Test
    void hangModePrintsOneLineAndKeepsRunning() throws Exception {
        FakeClis fakes = FakeClis.install(tmp);
        Process p = start(fakes, Map.of("FAKE_CLI_MODE", "hang"), "claude", "-p", "x");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("fake claude is working...");
            assertThat(p.waitFor(500, TimeUnit.MILLISECONDS)).isFalse();
        } finally {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void childModeLeavesAGrandchildThatATreeKillReaches() throws Exception {
        FakeClis fakes = FakeClis.install(tmp);
        Path pidFile = tmp.resolve("child.pid");
        Process p = start(fakes, Map.of("FAKE_CLI_MODE", "child", "FAKE_CLI_CHILD_PID_FILE", pidFile.toString()),
                "vibe", "-p", "x", "--agent", "plan");
        try {
            long deadline = System.currentTimeMillis() + 10_000;
            while ((!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            long childPid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle child = ProcessHandle.of(childPid).orElseThrow();
            assertThat(child.isAlive()).isTrue();
            assertThat(p.descendants().map(ProcessHandle::pid)).contains(childPid);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            child.onExit().get(5, TimeUnit.SECONDS);
            assertThat(child.isAlive()).isFalse();
        } finally {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void unknownFlagsAreRefusedLikeTheRealParserAndRecorded() {
        FakeClis fakes = FakeClis.install(tmp);
        FakeClis.Result r = fakes.run(new CliInvocation(CliName.CODEX, List.of("exec", "--full-auto", "x"), Map.of(),
                null, null, List.of(), false), tmp, Map.of(), Duration.ofSeconds(20));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).contains("unexpected argument '--full-auto'");
        assertThat(fakes.lastRecord()).containsKey("usageError").containsEntry("argv", List.of("exec", "--full-auto", "x"));
    }
}
