package com.verivus.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.job.JobFixtures;
import java.io.FileInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What starting CLIs with posix_spawn must keep from the JDK's way, and what it must save. */
class PosixSpawnTest {

    @TempDir
    Path dir;

    JobFixtures fx;
    ProcessLauncher launcher;

    @BeforeEach
    void setUp() {
        fx = JobFixtures.in(dir);
        launcher = fx.launcher();
        assertThat(launcher.spawnMethod()).isEqualTo(SpawnMethod.POSIX);
    }

    private ProcessRun start(RunLimits limits, String executable, String... args) {
        LaunchOutcome outcome = launcher.launch(new LaunchSpec(executable, List.of(args), Map.of(), null, limits));
        assertThat(outcome).isInstanceOf(LaunchOutcome.Started.class);
        return ((LaunchOutcome.Started) outcome).run().start(ProcessRun.Observer.NONE);
    }

    private static String stdoutOf(ProcessRun run) throws Exception {
        assertThat(run.finished().get(20, TimeUnit.SECONDS).exitCode()).isZero();
        return run.output().snapshot().stdout();
    }

    @Test
    void theChildInheritsNoDescriptorButItsThreeStreams() throws Exception {
        Path file = Files.writeString(dir.resolve("open-in-the-gateway"), "x");
        try (FileInputStream open = new FileInputStream(file.toFile())) { // an fd the JVM opened without O_CLOEXEC
            ProcessRun run = start(RunLimits.defaults(), "sh", "-c", "ls /proc/$$/fd");
            assertThat(stdoutOf(run)).isEqualTo("0\n1\n2\n");
        }
    }

    @Test
    void theChildStartsWithNoSignalBlockedOrIgnored() throws Exception {
        // exec: grep reports the mask it got (a shell's own child may see the shell's fork-time mask)
        ProcessRun run = start(RunLimits.defaults(), "sh", "-c", "exec grep -E '^Sig(Blk|Ign)' /proc/self/status");
        String[] lines = stdoutOf(run).split("\n");
        assertThat(lines[0]).isEqualTo("SigBlk:\t0000000000000000");
        assertThat(lines[1]).startsWith("SigIgn:\t");
        long ignored = Long.parseUnsignedLong(lines[1].substring("SigIgn:\t".length()), 16);
        // signals 1..31; glibc keeps its two internal real-time signals (32, 33) to itself, as with the JDK's spawn
        assertThat(ignored & 0x7fffffffL).as("standard signals ignored").isZero();
    }

    @Test
    void stdinIsDevNullAndTheWorkingDirectoryIsTheOneAsked() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work dir"));
        LaunchOutcome outcome = launcher.launch(new LaunchSpec("sh", List.of("-c", "pwd; readlink /proc/$$/fd/0"),
                Map.of(), work, null));
        ProcessRun run = ((LaunchOutcome.Started) outcome).run().start(ProcessRun.Observer.NONE);
        assertThat(stdoutOf(run)).isEqualTo(work.toRealPath() + "\n/dev/null\n");
    }

    @Test
    void aScriptWithoutAnInterpreterLineStillRunsThroughTheShell() throws Exception {
        Path script = fx.bin.resolve("no-shebang");
        Files.writeString(script, "echo ran by sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(stdoutOf(start(RunLimits.defaults(), "no-shebang"))).isEqualTo("ran by sh\n");
    }

    @Test
    void aDescendantHoldingThePipeOpenIsCutAfterTheDrainGrace() throws Exception {
        RunLimits limits = new RunLimits(null, null, RunLimits.MAX_OUTPUT_BYTES, RunLimits.KILL_GRACE,
                Duration.ofMillis(300));
        ProcessRun run = start(limits, "sh", "-c", "sleep 30 & echo $!");
        ProcessExit exit = run.finished().get(20, TimeUnit.SECONDS);
        String sleeper = run.output().snapshot().stdout().trim();
        ProcessHandle.of(Long.parseLong(sleeper)).ifPresent(ProcessHandle::destroyForcibly);
        assertThat(exit).isEqualTo(new ProcessExit(0, null));
        assertThat(run.exited()).isTrue();
    }

    @Test
    void runningChildrenCostNoThreadEach() throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        start(RunLimits.defaults(), "true").finished().get(20, TimeUnit.SECONDS); // the reactor is up
        int before = threads.getThreadCount();
        List<ProcessRun> runs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            runs.add(start(RunLimits.defaults(), "sleep", "1"));
        }
        int during = threads.getThreadCount();
        for (ProcessRun run : runs) {
            assertThat(run.finished().get(30, TimeUnit.SECONDS).exitCode()).isZero();
        }
        // the JDK's way holds a reaper thread per running child (and reader threads): 40 or more here
        assertThat(during - before).as("platform threads added by 40 running children").isLessThan(10);
    }
}
