package com.verivus.gateway.process;

import static com.verivus.gateway.job.JobFixtures.eventually;
import static com.verivus.gateway.job.JobFixtures.gone;
import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.job.JobFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every behaviour of a launched CLI, with posix_spawn; {@link ProcessLauncherJdkSpawnTest} runs the same with the JDK's ProcessBuilder. */
class ProcessLauncherTest {

    @TempDir
    Path dir;

    JobFixtures fx;
    ProcessLauncher launcher;

    @BeforeEach
    void setUp() throws Exception {
        fx = JobFixtures.in(dir);
        launcher = launcher(fx);
        // the JVM's first launch links native calls and compiles the read path: not what the timing tests measure
        start(RunLimits.defaults(), Map.of(), "echo", "warm").finished().get(60, TimeUnit.SECONDS);
    }

    /** The launcher under test: the default spawn method here (posix_spawn on Linux). */
    ProcessLauncher launcher(JobFixtures fx) {
        ProcessLauncher l = fx.launcher();
        assertThat(l.spawnMethod()).as("posix_spawn is what Linux CI must exercise").isEqualTo(SpawnMethod.POSIX);
        return l;
    }

    private ProcessRun start(RunLimits limits, Map<String, String> env, String... args) {
        LaunchOutcome outcome = launcher.launch(new LaunchSpec("job-cli", List.of(args), env, null, limits));
        assertThat(outcome).isInstanceOf(LaunchOutcome.Started.class);
        return ((LaunchOutcome.Started) outcome).run().start(ProcessRun.Observer.NONE);
    }

    private static ProcessExit finish(ProcessRun run) throws Exception {
        return run.finished().get(20, TimeUnit.SECONDS);
    }

    @Test
    void argumentsReachTheProcessVerbatimWithoutAShell() throws Exception {
        List<String> tricky = List.of("two words", "it's \"quoted\"", "$HOME; rm -rf /", "line1\nline2", "ünï😀", "");
        String[] args = new String[tricky.size() + 1];
        args[0] = "argv";
        for (int i = 0; i < tricky.size(); i++) {
            args[i + 1] = tricky.get(i);
        }
        ProcessRun run = start(RunLimits.defaults(), Map.of(), args);
        assertThat(finish(run).exitCode()).isZero();
        assertThat(run.output().snapshot().stdout())
                .isEqualTo("two words\nit's \"quoted\"\n$HOME; rm -rf /\nline1\nline2\nünï😀\n\n");
    }

    @Test
    void stdinIsClosedAtOnce() throws Exception {
        ProcessRun run = start(RunLimits.defaults(), Map.of(), "stdin");
        finish(run);
        assertThat(run.output().snapshot().stdout()).isEqualTo("stdin-bytes=0\n");
    }

    @Test
    void environmentIsInheritedWithTheExtendedPathAndInvocationVariablesOnTop() throws Exception {
        ProcessRun run = start(RunLimits.defaults(), Map.of("VIBE_ACTIVE_MODEL", "devstral-medium", "LANG", "C"),
                "env", "HOME", "PATH", "VIBE_ACTIVE_MODEL", "LANG");
        finish(run);
        String home = fx.home.toString();
        assertThat(run.output().snapshot().stdout()).isEqualTo("HOME=" + home + "\n"
                + "PATH=" + fx.env.get("PATH").orElseThrow() + "\n"
                + "VIBE_ACTIVE_MODEL=devstral-medium\nLANG=C\n");
    }

    @Test
    void extendedPathListsNvmNodeVersionsNewestFirstThenTheOriginalPath() throws Exception {
        Path home = dir.resolve("nvm-home");
        for (String v : List.of("v18.20.1", "v20.11.0", "v9.0.0", "v20.2.0")) {
            Files.createDirectories(home.resolve(".nvm/versions/node").resolve(v).resolve("bin"));
        }
        GatewayEnvironment env = new GatewayEnvironment(Map.of("PATH", "/opt/x:/bin"), home, dir);
        String nvm = home + "/.nvm/versions/node/";
        assertThat(ExtendedPath.of(env)).isEqualTo(home + "/.local/bin:/usr/local/bin:/usr/bin:"
                + nvm + "v20.11.0/bin:" + nvm + "v20.2.0/bin:" + nvm + "v18.20.1/bin:" + nvm + "v9.0.0/bin:/opt/x:/bin");
    }

    @Test
    void theInstallLocationsCanBeReplacedOrDroppedSoThePathAloneDecides() {
        Path home = dir.resolve("override-home");
        GatewayEnvironment replaced = new GatewayEnvironment(Map.of("PATH", "/opt/x:/bin",
                ExtendedPath.OVERRIDE_ENV, "~/tools: /opt/y"), home, dir);
        assertThat(ExtendedPath.of(replaced)).isEqualTo(home + "/tools:/opt/y:/opt/x:/bin");
        GatewayEnvironment none = new GatewayEnvironment(Map.of("PATH", "/opt/x:/bin", ExtendedPath.OVERRIDE_ENV, ""),
                home, dir);
        assertThat(ExtendedPath.of(none)).isEqualTo("/opt/x:/bin");
    }

    @Test
    void exitCodesAndStderrAreReported() throws Exception {
        ProcessRun run = start(RunLimits.defaults(), Map.of(), "exit", "42", "something broke");
        assertThat(finish(run)).isEqualTo(new ProcessExit(42, null));
        assertThat(run.output().snapshot().stderr()).isEqualTo("something broke\n");
    }

    @Test
    void multiByteCharactersSplitAcrossReadsDecodeIntact() throws Exception {
        ProcessRun run = start(RunLimits.defaults(), Map.of(), "utf8");
        finish(run);
        CapturedOutput.Snapshot out = run.output().snapshot();
        assertThat(out.stdout()).isEqualTo("héllo wörld 日本 😀\n");
        assertThat(out.stdoutBytes()).isEqualTo("héllo wörld 日本 😀\n".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void aMissingBinaryIsReportedLikeNodesEnoent() {
        LaunchOutcome outcome = launcher.launch(new LaunchSpec("no-such-cli", List.of(), Map.of(), null, null));
        assertThat(outcome).isEqualTo(new LaunchOutcome.Failed(new LaunchFailure(true, "spawn no-such-cli ENOENT")));
        assertThat(((LaunchOutcome.Failed) outcome).failure().exitCode()).isEqualTo(127);
    }

    @Test
    void aFileThatIsNotExecutableIsALaunchFailureWith126() throws Exception {
        Path plain = fx.bin.resolve("not-exec");
        Files.writeString(plain, "#!/bin/sh\necho hi\n");
        LaunchOutcome outcome = launcher.launch(new LaunchSpec("not-exec", List.of(), Map.of(), null, null));
        assertThat(outcome).isInstanceOf(LaunchOutcome.Failed.class);
        LaunchFailure failure = ((LaunchOutcome.Failed) outcome).failure();
        assertThat(failure.exitCode()).isEqualTo(126);
        assertThat(failure.detail()).isEqualTo("spawn not-exec EACCES");
    }

    @Test
    void idleTimeoutKillsAQuietProcess() throws Exception {
        ProcessRun run = start(RunLimits.defaults().withIdleTimeout(Duration.ofMillis(300)), Map.of(), "hang");
        long t0 = System.nanoTime();
        ProcessExit exit = finish(run);
        assertThat(exit.breach()).isEqualTo(LimitBreach.IDLE_TIMEOUT);
        assertThat(exit.exitCode()).isEqualTo(143); // SIGTERM
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
    }

    @Test
    void outputResetsTheIdleTimer() throws Exception {
        ProcessRun run = start(RunLimits.defaults().withIdleTimeout(Duration.ofMillis(400)), Map.of(),
                "tick", "150", "8");
        ProcessExit exit = finish(run);
        assertThat(exit).isEqualTo(new ProcessExit(0, null));
        assertThat(run.output().snapshot().stdout()).contains("tick 7");
    }

    @Test
    void wallTimeoutKillsEvenAChattyProcess() throws Exception {
        ProcessRun run = start(RunLimits.defaults().withWallTimeout(Duration.ofMillis(400)), Map.of(),
                "tick", "50", "1000");
        assertThat(finish(run).breach()).isEqualTo(LimitBreach.WALL_TIMEOUT);
    }

    @Test
    void terminateKillsTheProcessAndItsGrandchild() throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        ProcessRun run = start(RunLimits.defaults(), Map.of(), "tree", pidFile.toString());
        eventually(Duration.ofSeconds(10), () -> Files.exists(pidFile), "the grandchild pid file");
        long grandchild = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(ProcessHandle.of(grandchild)).isPresent();

        run.terminate();
        finish(run);
        eventually(Duration.ofSeconds(5), () -> gone(grandchild), "grandchild " + grandchild + " to be gone");
        assertThat(run.exited()).isTrue();
    }

    @Test
    void aProcessIgnoringSigtermIsKilledAfterTheGrace() throws Exception {
        RunLimits limits = new RunLimits(null, null, RunLimits.MAX_OUTPUT_BYTES, Duration.ofMillis(500),
                RunLimits.DRAIN_GRACE);
        ProcessRun run = start(limits, Map.of(), "ignore-term");
        eventually(Duration.ofSeconds(10), () -> run.output().snapshot().stdout().contains("ignoring"), "start");
        long t0 = System.nanoTime();
        run.terminate();
        ProcessExit exit = finish(run);
        assertThat(exit.exitCode()).isEqualTo(137); // SIGKILL
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }
}
