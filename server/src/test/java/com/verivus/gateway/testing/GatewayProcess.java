package com.verivus.gateway.testing;

import com.verivus.gateway.log.ListeningLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real gateway as a child process: the one launcher every test that needs a gateway JVM uses (stdio
 * or HTTP, {@code GatewayCommand} or a test's own main class). See README.md beside this class.
 *
 * <pre>{@code
 * try (GatewayProcess gw = GatewayProcess.builder(tempHome).env("LLM_GATEWAY_CONFIG", cfg).start()) {
 *     gw.send("{...json-rpc...}");
 *     gw.closeStdin();
 *     String line = gw.readLine(Duration.ofSeconds(10));
 *     int exit = gw.awaitExit(Duration.ofSeconds(10));
 *     assertThat(gw.stderr()).contains("...");
 * }
 * }</pre>
 *
 * The child gets a clean environment (PATH, HOME = the given temp home, JAVA_HOME, LANG, plus what the
 * test adds), never the test JVM's LLM_GATEWAY_* variables. stdout and stderr are read on background
 * threads, each stdout line with the time it arrived. {@link #close()} kills the process tree if it is
 * still running.
 */
public final class GatewayProcess implements AutoCloseable {

    /** How the gateway is launched. */
    public enum Launch {
        /** {@code java -cp server/target/classes:<runtime classpath> com.verivus.gateway.cli.GatewayCommand}. */
        DIRECT,
        /** {@code ./jbang gateway@verivus} from the repo root, with JBANG_DIR inside the temp home. */
        JBANG
    }

    /** One stdout line and when it arrived ({@link System#nanoTime()}). */
    public record Line(String text, long nanoTime) {
    }

    private static final Line EOF = new Line(null, 0);

    private final Process process;
    private final OutputStream stdin;
    private final LinkedBlockingQueue<Line> stdoutQueue = new LinkedBlockingQueue<>();
    private final List<Line> stdoutLines = new ArrayList<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread stdoutReader;
    private final Thread stderrReader;
    private volatile long exitNanoTime;

    private GatewayProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.stdoutReader = Thread.ofPlatform().daemon().name("gateway-stdout").start(() -> pump(
                process.getInputStream(), text -> {
                    Line line = new Line(text, System.nanoTime());
                    synchronized (stdoutLines) {
                        stdoutLines.add(line);
                    }
                    stdoutQueue.add(line);
                }, () -> stdoutQueue.add(EOF)));
        this.stderrReader = Thread.ofPlatform().daemon().name("gateway-stderr").start(() -> pump(
                process.getErrorStream(), text -> {
                    synchronized (stderr) {
                        stderr.append(text).append('\n');
                        stderr.notifyAll();
                    }
                }, () -> { }));
        process.onExit().thenRun(() -> exitNanoTime = System.nanoTime());
    }

    public static Builder builder(Path home) {
        return new Builder(home);
    }

    /** Writes one line (a JSON-RPC message) to the gateway's stdin and flushes it. */
    public GatewayProcess send(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("gateway stdin closed; stderr:\n" + stderr(), e);
        }
    }

    /** Writes raw bytes plus a newline (for input that is not valid UTF-8) and flushes them. */
    public GatewayProcess sendBytes(byte[] line) {
        try {
            byte[] framed = Arrays.copyOf(line, line.length + 1);
            framed[line.length] = '\n';
            stdin.write(framed);
            stdin.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("gateway stdin closed; stderr:\n" + stderr(), e);
        }
    }

    /** Writes several lines in one write, so they reach the gateway as one burst. */
    public GatewayProcess sendAll(List<String> lines) {
        return send(String.join("\n", lines));
    }

    public GatewayProcess closeStdin() {
        try {
            stdin.close();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next stdout line, or empty when stdout ended; fails after {@code timeout}. */
    public Optional<String> readLine(Duration timeout) {
        return readTimedLine(timeout).map(Line::text);
    }

    /** The next stdout line with its arrival time, or empty when stdout ended; fails after {@code timeout}. */
    public Optional<Line> readTimedLine(Duration timeout) {
        try {
            Line line = stdoutQueue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new AssertionError("no stdout line within " + timeout + "; stderr:\n" + stderr());
            }
            if (line == EOF) {
                stdoutQueue.add(EOF); // stays at end of stream for later readers
                return Optional.empty();
            }
            return Optional.of(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Every stdout line received so far. */
    public List<Line> stdoutLines() {
        synchronized (stdoutLines) {
            return List.copyOf(stdoutLines);
        }
    }

    /** Everything the gateway wrote to stderr so far. */
    public String stderr() {
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /** Waits for a stderr line matching {@code regex} and returns its first match (e.g. a port line). */
    public Matcher awaitStderr(String regex, Duration timeout) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stderr) {
            while (true) {
                Matcher m = pattern.matcher(stderr);
                if (m.find()) {
                    return m;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !process.isAlive() && !stderrReader.isAlive()) {
                    throw new AssertionError("stderr never matched /" + regex + "/; stderr:\n" + stderr);
                }
                try {
                    stderr.wait(Math.min(left, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** The MCP URL of an HTTP gateway, from its "listening on" stderr line; fails with stderr if it does not come. */
    public URI awaitUrl(Duration timeout) {
        return URI.create(awaitStderr(ListeningLine.PATTERN.pattern(), timeout).group(1));
    }

    /** {@link #awaitUrl(Duration)} with a minute and a half, enough for a cold JVM on a busy machine. */
    public URI awaitUrl() {
        return awaitUrl(Duration.ofSeconds(90));
    }

    /** SIGTERM (the JVM runs its shutdown hooks) without closing this side's pipes, unlike {@link Process#destroy()}. */
    public GatewayProcess terminate() {
        process.toHandle().destroy();
        return this;
    }

    /** SIGKILL: no shutdown hook runs; waits (bounded) until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the process to exit, fails after {@code timeout}; returns the exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("gateway still running after " + timeout + "; stderr:\n" + stderr());
            }
            stdoutReader.join(timeout.toMillis());
            stderrReader.join(timeout.toMillis());
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** When the process was seen to exit ({@link System#nanoTime()}), 0 while it runs. */
    public long exitNanoTime() {
        return exitNanoTime;
    }

    public Process process() {
        return process;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pump(InputStream in, Consumer<String> onLine, Runnable onEnd) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                onLine.accept(line);
            }
        } catch (IOException ignored) {
            // the process went away; the end of the stream is reported below
        } finally {
            onEnd.run();
        }
    }

    /** Describes one launch: how, with which arguments, environment and working directory. */
    public static final class Builder {
        private final Path home;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private Launch launch = Launch.DIRECT;
        private String mainClass = GATEWAY_MAIN;
        private boolean testClasses;
        private Path jbangRepo;
        private Path workingDirectory;

        private Builder(Path home) {
            this.home = home.toAbsolutePath();
            // fakes (added by the test) first, then system tools only: a real CLI on the developer's PATH,
            // in /usr/local/bin or ~/.local/bin must never answer for a missing fake
            env.putAll(HermeticPath.environment(HermeticPath.systemTools(), this.home));
            env.put("JAVA_HOME", javaHome().toString());
        }

        /** Sets (or, with null, removes) one environment variable of the child. */
        public Builder env(String name, String value) {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
            return this;
        }

        public Builder env(Map<String, String> vars) {
            vars.forEach(this::env);
            return this;
        }

        /** Gateway arguments, e.g. {@code --transport=http} or {@code doctor --json}. */
        public Builder args(String... more) {
            args.addAll(List.of(more));
            return this;
        }

        /** JVM options of a DIRECT launch, placed before the classpath (e.g. {@code -XX:AOTCache=...}). */
        public Builder jvmArgs(String... more) {
            jvmArgs.addAll(List.of(more));
            return this;
        }

        /** For JBANG: run the {@code jbang} bootstrap of this copy of the repository instead of this one. */
        public Builder jbangRepo(Path clone) {
            this.jbangRepo = clone.toAbsolutePath();
            return this;
        }

        /**
         * Runs a test's own main class (a gateway assembled for one test) instead of {@code GatewayCommand},
         * with server/target/test-classes on the classpath too. DIRECT only.
         */
        public Builder testMain(Class<?> main) {
            this.mainClass = main.getName();
            this.testClasses = true;
            return this;
        }

        /** Shorthand for the HTTP transport on an ephemeral port: {@code --transport=http}, port 0. */
        public Builder http() {
            args("--transport=http");
            return env("LLM_GATEWAY_HTTP_PORT", "0");
        }

        public Builder launch(Launch how) {
            this.launch = how;
            return this;
        }

        /** Default: the temp home for DIRECT, the repo root for JBANG. */
        public Builder workingDirectory(Path dir) {
            this.workingDirectory = dir;
            return this;
        }

        public Path home() {
            return home;
        }

        private Path jbangRoot() {
            return jbangRepo != null ? jbangRepo : repoRoot();
        }

        public List<String> command() {
            List<String> cmd = new ArrayList<>();
            if (launch == Launch.JBANG) {
                cmd.add(jbangRoot().resolve("jbang").toString());
                cmd.add("gateway@verivus");
            } else {
                cmd.add(javaHome().resolve("bin/java").toString());
                cmd.add("--enable-native-access=ALL-UNNAMED");
                cmd.addAll(jvmArgs);
                cmd.add("-cp");
                cmd.add(testClasses ? testClasspath() : classpath());
                cmd.add(mainClass);
            }
            cmd.addAll(args);
            return cmd;
        }

        public Map<String, String> environment() {
            Map<String, String> all = new LinkedHashMap<>(env);
            if (launch == Launch.JBANG) {
                // A fresh JBang home (catalog, build cache, JDK link) inside the temp home, so the user's
                // catalog is never touched; the JBang jar and Maven artifacts come from the shared caches
                // so nothing is downloaded again.
                all.putIfAbsent("JBANG_DIR", home.resolve(".jbang").toString());
                all.putIfAbsent("XDG_CACHE_HOME", realCacheHome().toString());
                all.putIfAbsent("JBANG_REPO", localMavenRepository().toString());
            }
            return all;
        }

        public Path effectiveWorkingDirectory() {
            if (workingDirectory != null) {
                return workingDirectory;
            }
            return launch == Launch.JBANG ? jbangRoot() : home;
        }

        /** Starts the process; the test talks JSON-RPC over its stdin/stdout itself. */
        public GatewayProcess start() {
            ProcessBuilder pb = new ProcessBuilder(command()).directory(effectiveWorkingDirectory().toFile());
            pb.environment().clear();
            pb.environment().putAll(environment());
            try {
                return new GatewayProcess(pb.start());
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + command(), e);
            }
        }

        /** Starts an HTTP gateway ({@link #http()} first) and connects the MCP SDK's HTTP client with {@code token}. */
        public GatewayClient connectHttp(String token) {
            return GatewayClient.connectHttp(start(), token);
        }

        /** As {@link #connectHttp(String)}, handing the server's progress notifications to {@code progress}. */
        public GatewayClient connectHttp(String token,
                                         java.util.function.Consumer<io.modelcontextprotocol.spec.McpSchema.ProgressNotification> progress) {
            return GatewayClient.connectHttp(start(), token, progress);
        }

        /** Starts the process under the MCP SDK's own stdio client, initialized and ready. */
        public GatewayClient connect() {
            return GatewayClient.connect(this);
        }

        /** As {@link #connect()}, handing the server's progress notifications to {@code progress}. */
        public GatewayClient connect(java.util.function.Consumer<io.modelcontextprotocol.spec.McpSchema.ProgressNotification> progress) {
            return GatewayClient.connect(this, progress);
        }
    }

    private static final String GATEWAY_MAIN = "com.verivus.gateway.cli.GatewayCommand";

    /** The JDK running the tests (JAVA_HOME, as ./mvnw sets it; else java.home). */
    public static Path javaHome() {
        String env = System.getenv("JAVA_HOME");
        if (env != null && Files.isExecutable(Path.of(env, "bin", "java"))) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("java.home"));
    }

    /** The repository root: -Drepo.root (set by Surefire), else the nearest parent with jbang-catalog.json. */
    public static Path repoRoot() {
        String prop = System.getProperty("repo.root");
        if (prop != null && Files.exists(Path.of(prop, "jbang-catalog.json"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("jbang-catalog.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no jbang-catalog.json above "
                + Path.of("").toAbsolutePath() + ")");
    }

    /** server/target/classes plus the runtime classpath Maven wrote to server/target/runtime-classpath.txt. */
    public static String classpath() {
        Path target = repoRoot().resolve("server/target");
        Path cpFile = target.resolve("runtime-classpath.txt");
        try {
            return target.resolve("classes") + java.io.File.pathSeparator + Files.readString(cpFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("missing " + cpFile + ": build with ./mvnw -pl server test-compile first", e);
        }
    }

    /** {@link #classpath()} with server/target/test-classes first, for test main classes and their fixtures. */
    public static String testClasspath() {
        return repoRoot().resolve("server/target/test-classes") + java.io.File.pathSeparator + classpath();
    }

    private static Path realCacheHome() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    }

    private static Path localMavenRepository() {
        String prop = System.getProperty("maven.repo.local");
        if (prop != null && !prop.isBlank() && !prop.startsWith("${")) {
            return Path.of(prop);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
