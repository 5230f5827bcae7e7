package com.verivus.gateway.job;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.process.ProcessLauncher;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.JobStore;
import com.verivus.gateway.testing.ExecutableResource;
import com.verivus.gateway.testing.HermeticPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A temp HOME whose ~/.local/bin (first on the extended PATH) holds the job-cli fixture under every
 * provider's executable name, and the gateway environment that points at it.
 */
public final class JobFixtures implements AutoCloseable {

    public final Path root;
    public final Path home;
    public final Path bin;
    public final GatewayEnvironment env;
    private final List<JobEngine> engines = new ArrayList<>();

    private JobFixtures(Path root) throws IOException {
        this.root = root;
        this.home = Files.createDirectories(root.resolve("home"));
        this.bin = Files.createDirectories(home.resolve(".local").resolve("bin"));
        Path work = Files.createDirectories(root.resolve("work"));
        for (CliName cli : CliName.values()) {
            install(cli.executable());
        }
        install("job-cli");
        this.env = new GatewayEnvironment(HermeticPath.environment(HermeticPath.withFakes(bin), home), home, work);
    }

    public static JobFixtures in(Path root) {
        try {
            return new JobFixtures(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void install(String name) throws IOException {
        ExecutableResource.install("/job-fixtures/job-cli", bin.resolve(name));
    }

    public ProcessLauncher launcher() {
        return new ProcessLauncher(env);
    }

    /** Engine settings for tests: short idle minimum, 1 s kill grace, fast heartbeats. */
    public static JobEngineSettings testSettings() {
        return JobEngineSettings.defaults(JobEngineSettings.DEFAULT_DEDUP_WINDOW_MS)
                .withMinIdleTimeout(Duration.ofMillis(100))
                .withKillGrace(Duration.ofSeconds(1))
                .withHeartbeat(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    /** An engine closed with the fixtures. */
    public JobEngine engine(JobEngineSettings settings, Optional<JobStore> store) {
        JobEngine engine = new JobEngine(settings, store, launcher(), Clock.systemUTC());
        engines.add(engine);
        engine.storeRecovered().join(); // the tests read the store directly, not only through the engine
        return engine;
    }

    public static CliInvocation invocation(CliName cli, String... args) {
        return new CliInvocation(cli, List.of(args), Map.of(), null, null, List.of(), false);
    }

    public static CliInvocation withIdle(CliInvocation inv, long idleMs) {
        return new CliInvocation(inv.cli(), inv.args(), inv.env(), inv.outputFormat(), idleMs, inv.tempFiles(),
                inv.continuesConversation());
    }

    /** Polls until the condition holds (tests only; the engine itself never polls its own jobs). */
    public static void eventually(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + "ms waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** True when no process has the pid, or only a zombie that nobody reaped yet. */
    public static boolean gone(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        for (JobEngine engine : engines) {
            engine.close();
        }
    }
}
