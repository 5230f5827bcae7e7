import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobEngineSettings;
import com.verivus.gateway.job.JobSnapshot;
import com.verivus.gateway.job.JobStart;
import com.verivus.gateway.process.ProcessLauncher;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.JobStatus;
import com.verivus.gateway.store.JobStore;
import com.verivus.gateway.store.MemoryJobStore;
import com.verivus.gateway.store.SqliteJobStore;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Driver of bench/jobs. Drives the job engine's API directly (the request tools that would put MCP in
 * front of it are not wired yet).
 *
 *   JobsBench latency <home> <iterations>      (a) added latency of start+awaitTerminal vs a plain spawn
 *   JobsBench concurrent <home> <jobs> <secs> <runs>   (b) launches <runs> gateway-like JVMs, medians
 *   JobsBench gateway <home> <jobs> <secs>     one gateway-like process: <jobs> concurrent jobs of <secs> s
 *   JobsBench plain <home> <jobs> <secs>       the same processes spawned with bare ProcessBuilder (baseline)
 *
 * BENCH_STORE=memory makes the gateway-like run use the memory store instead of SQLite.
 */
public final class JobsBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "latency" -> latency(Path.of(args[1]), Integer.parseInt(args[2]));
            case "concurrent" -> concurrent(Path.of(args[1]), Integer.parseInt(args[2]), args[3],
                    Integer.parseInt(args[4]));
            case "gateway" -> gateway(Path.of(args[1]), Integer.parseInt(args[2]), args[3]);
            case "plain" -> plain(Path.of(args[1]), Integer.parseInt(args[2]), args[3]);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    static GatewayEnvironment env(Path home) {
        return new GatewayEnvironment(Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString()), home, home);
    }

    static CliInvocation invocation(String... args) {
        return new CliInvocation(CliName.CLAUDE, List.of(args), Map.of(), null, null, List.of(), false);
    }

    // ------------------------------------------------------------------ (a)

    static void latency(Path home, int iterations) throws Exception {
        Path cli = home.resolve(".local/bin/claude");
        GatewayEnvironment env = env(home);
        List<Double> direct = new ArrayList<>();
        List<Double> sqlite = new ArrayList<>();
        List<Double> memory = new ArrayList<>();
        Path db = home.resolve("bench-logs.db");
        try (SqliteJobStore sqliteStore = SqliteJobStore.open(db, 86_400_000L);
             JobEngine onSqlite = engine(env, sqliteStore);
             JobEngine onMemory = engine(env, new MemoryJobStore(86_400_000L))) {
            int warmup = Math.max(5, iterations / 5);
            for (int i = 0; i < warmup + iterations; i++) {
                boolean record = i >= warmup;
                // interleaved so that machine noise hits all three alike
                double d = spawnDirect(cli);
                double s = viaEngine(onSqlite, "s" + i);
                double m = viaEngine(onMemory, "m" + i);
                if (record) {
                    direct.add(d);
                    sqlite.add(s);
                    memory.add(m);
                }
            }
        }
        double base = median(direct);
        System.out.printf("(a) sync-style run of a fake CLI that answers at once, %d runs each (after warm-up)%n",
                iterations);
        System.out.printf("    spawn directly (ProcessBuilder + read + waitFor)  median %7.2f ms   p90 %7.2f ms%n",
                base, p90(direct));
        System.out.printf("    engine start+awaitTerminal, SQLite store         median %7.2f ms   p90 %7.2f ms"
                + "   added %+7.2f ms%n", median(sqlite), p90(sqlite), median(sqlite) - base);
        System.out.printf("    engine start+awaitTerminal, memory store         median %7.2f ms   p90 %7.2f ms"
                + "   added %+7.2f ms%n", median(memory), p90(memory), median(memory) - base);
    }

    static JobEngine engine(GatewayEnvironment env, JobStore store) {
        return new JobEngine(JobEngineSettings.defaults(JobEngineSettings.DEFAULT_DEDUP_WINDOW_MS),
                Optional.of(store), new ProcessLauncher(env), Clock.systemUTC());
    }

    static double spawnDirect(Path cli) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cli.toString(), "answer")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try (InputStream out = p.getInputStream(); InputStream err = p.getErrorStream()) {
            out.readAllBytes();
            err.readAllBytes();
        }
        p.waitFor();
        return (System.nanoTime() - t0) / 1e6;
    }

    static double viaEngine(JobEngine engine, String tag) throws Exception {
        long t0 = System.nanoTime();
        JobStart start = engine.start(invocation("answer", tag), tag, true);
        JobSnapshot done = engine.awaitTerminal(start.job().id(), Duration.ofSeconds(30)).orElseThrow();
        double ms = (System.nanoTime() - t0) / 1e6;
        if (done.status() != JobStatus.COMPLETED) {
            throw new IllegalStateException("bench job failed: " + done);
        }
        return ms;
    }

    // ------------------------------------------------------------------ (b)

    static void concurrent(Path home, int jobs, String seconds, int runs) throws Exception {
        List<double[]> engine = new ArrayList<>();
        List<double[]> plain = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            // alternate so that load on the machine hits both alike
            engine.add(child(home, "gateway", run, jobs, seconds));
            plain.add(child(home, "plain", run, jobs, seconds));
            System.out.printf("    run %d: engine wall %7.1f ms, RSS %6.1f MB, last start %7.1f ms | bare spawns "
                    + "wall %7.1f ms, RSS %6.1f MB, last start %7.1f ms%n", run + 1, engine.getLast()[0],
                    engine.getLast()[1] / 1024, engine.getLast()[2], plain.getLast()[0], plain.getLast()[1] / 1024,
                    plain.getLast()[2]);
        }
        System.out.printf("(b) %d concurrent jobs of %s s each (floor %s s), one gateway-like JVM per run, %d runs%n",
                jobs, seconds, seconds, runs);
        System.out.printf("    engine + SQLite store:   wall median %8.1f ms   peak RSS median %6.1f MB   "
                + "last job started after %7.1f ms%n", median(col(engine, 0)), median(col(engine, 1)) / 1024,
                median(col(engine, 2)));
        System.out.printf("    bare ProcessBuilder:     wall median %8.1f ms   peak RSS median %6.1f MB   "
                + "last process started after %7.1f ms%n", median(col(plain, 0)), median(col(plain, 1)) / 1024,
                median(col(plain, 2)));
        System.out.println("    (peak RSS = VmHWM of that JVM; the CLI processes are not included)");
    }

    static List<Double> col(List<double[]> rows, int i) {
        return rows.stream().map(r -> r[i]).toList();
    }

    /** Runs one gateway-like JVM; returns {wall ms, peak RSS kB, ms until the last start}. */
    static double[] child(Path home, String mode, int run, int jobs, String seconds) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String cp = System.getProperty("java.class.path");
        Path runHome = Files.createDirectories(home.resolve(mode + "-" + run));
        Files.createDirectories(runHome.resolve(".local/bin"));
        Files.copy(home.resolve(".local/bin/claude"), runHome.resolve(".local/bin/claude"));
        Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", cp,
                JobsBench.class.getName(), mode, runHome.toString(), Integer.toString(jobs), seconds)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        String line = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0 || !line.startsWith("WALL_MS ")) {
            throw new IllegalStateException(mode + " run failed: " + line);
        }
        String[] f = line.split(" ");
        return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[3]), Double.parseDouble(f[5])};
    }

    static void plain(Path home, int jobs, String seconds) throws Exception {
        Path cli = home.resolve(".local/bin/claude");
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            long t0 = System.nanoTime();
            java.util.concurrent.atomic.AtomicLong lastStarted = new java.util.concurrent.atomic.AtomicLong();
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                String tag = "job-" + i;
                results.add(callers.submit(() -> {
                    Process p = new ProcessBuilder(cli.toString(), "sleep", seconds, tag)
                            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                    lastStarted.accumulateAndGet(System.nanoTime(), Math::max);
                    try (InputStream out = p.getInputStream(); InputStream err = p.getErrorStream()) {
                        out.readAllBytes();
                        err.readAllBytes();
                    }
                    return p.waitFor();
                }));
            }
            for (Future<Integer> f : results) {
                if (f.get() != 0) {
                    throw new IllegalStateException("a bare process failed");
                }
            }
            double wall = (System.nanoTime() - t0) / 1e6;
            System.out.println("WALL_MS " + wall + " PEAK_RSS_KB " + peakRssKb() + " ALL_STARTED_MS "
                    + (lastStarted.get() - t0) / 1e6);
        }
    }

    static void gateway(Path home, int jobs, String seconds) throws Exception {
        GatewayEnvironment env = env(home);
        boolean memory = "memory".equals(System.getenv("BENCH_STORE"));
        try (JobStore store = memory ? new MemoryJobStore(86_400_000L)
                : SqliteJobStore.open(home.resolve("logs.db"), 86_400_000L);
             JobEngine engine = engine(env, store);
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            long t0 = System.nanoTime();
            java.util.concurrent.atomic.AtomicLong lastStarted = new java.util.concurrent.atomic.AtomicLong();
            List<Future<JobSnapshot>> results = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                String tag = "job-" + i;
                results.add(callers.submit(() -> {
                    JobStart start = engine.start(invocation("sleep", seconds, tag), tag, false);
                    lastStarted.accumulateAndGet(System.nanoTime(), Math::max);
                    return engine.awaitTerminal(start.job().id(), Duration.ofMinutes(5)).orElseThrow();
                }));
            }
            int completed = 0;
            for (Future<JobSnapshot> f : results) {
                if (f.get().status() == JobStatus.COMPLETED) {
                    completed++;
                }
            }
            double wall = (System.nanoTime() - t0) / 1e6;
            if (completed != jobs) {
                throw new IllegalStateException(completed + " of " + jobs + " jobs completed");
            }
            System.out.println("WALL_MS " + wall + " PEAK_RSS_KB " + peakRssKb() + " ALL_STARTED_MS "
                    + (lastStarted.get() - t0) / 1e6);
        }
    }

    static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ stats

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static double p90(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.9) - 1));
    }
}
