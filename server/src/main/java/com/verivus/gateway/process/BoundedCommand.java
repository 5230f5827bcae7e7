package com.verivus.gateway.process;

import com.verivus.gateway.config.ChildEnvironmentConfigException;
import com.verivus.gateway.config.GatewayEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command to completion with a hard time bound: stdin is empty (closed at once, so a
 * CLI that waits for input sees EOF), stdout and stderr are captured up to a cap, and on timeout
 * the whole process tree is killed so that a hung CLI (or a grandchild holding its pipes) cannot
 * hang the caller. Used for probes (doctor, cli_versions, the validation tools' version probe, the
 * upstream contracts' installed probe) and for cli_upgrade.
 */
public final class BoundedCommand {

    /** Output kept per stream; the rest is read and dropped so the child never blocks on a full pipe. */
    public static final int DEFAULT_OUTPUT_CAP = 1 << 20;
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(1);

    private BoundedCommand() {
    }

    /** Where stderr goes: captured on its own, or into stdout in arrival order (the probes read it so). */
    public enum Streams { SEPARATE, MERGED }

    /**
     * The result of one run.
     *
     * @param started   false when the executable was not found or could not be started
     * @param exitCode  the exit status, or null when the command did not start or was killed on timeout
     * @param timedOut  true when the time bound expired and the process tree was killed
     * @param error     why the command did not start or finish normally, else null
     */
    public record Outcome(List<String> argv, boolean started, Integer exitCode, String stdout, String stderr,
                          boolean timedOut, String error, Duration elapsed) {

        public Outcome {
            argv = List.copyOf(argv);
        }

        /** Started, then interrupted while waiting: the process tree was killed, there is no exit status. */
        public boolean interrupted() {
            return started && !timedOut && exitCode == null;
        }

        /** Started, finished within the bound, exit status 0. */
        public boolean succeeded() {
            return started && !timedOut && exitCode != null && exitCode == 0;
        }

        /** stdout and stderr joined by a newline (what the Node gateway scanned for login hints). */
        public String combinedOutput() {
            return stdout + "\n" + stderr;
        }
    }

    public static Outcome run(List<String> argv, GatewayEnvironment env, Duration timeout) {
        return run(argv, env, Map.of(), timeout, DEFAULT_OUTPUT_CAP);
    }

    /**
     * Runs {@code argv} (argv[0] resolved on the environment's PATH) in the environment's working
     * directory with its variables (less the gateway's secrets) plus {@code extraEnv}.
     */
    public static Outcome run(List<String> argv, GatewayEnvironment env, Map<String, String> extraEnv,
                              Duration timeout, int outputCap) {
        long start = System.nanoTime();
        Optional<Path> exe = ExecutableSearch.find(env, argv.getFirst());
        if (exe.isEmpty()) {
            return new Outcome(argv, false, null, "", "", false,
                    argv.getFirst() + ": command not found on PATH", elapsedSince(start));
        }
        try {
            return run(argv, exe.get(), env, extraEnv, timeout, outputCap, Streams.SEPARATE, start);
        } catch (IOException e) {
            return new Outcome(argv, false, null, "", "", false,
                    argv.getFirst() + ": could not start (" + e.getMessage() + ")", elapsedSince(start));
        }
    }

    /**
     * Runs an executable the caller has already looked up (so it can word "not found" its own way),
     * bounded like {@link #run(List, GatewayEnvironment, Map, Duration, int)}. The outcome's argv is
     * the executable's path followed by {@code args}.
     *
     * @throws IOException when the process cannot be started
     */
    public static Outcome runFound(Path executable, List<String> args, GatewayEnvironment env,
                                   Map<String, String> extraEnv, Duration timeout, int outputCap, Streams streams)
            throws IOException {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add(executable.toString());
        argv.addAll(args);
        return run(argv, executable, env, extraEnv, timeout, outputCap, streams, System.nanoTime());
    }

    /** The gateway's variables a probe may see: never its secrets (see {@link ChildEnvironment}). */
    private static Map<String, String> inheritedEnvironment(GatewayEnvironment env) throws IOException {
        try {
            return ChildEnvironment.configured(env).inherited(env.variables());
        } catch (ChildEnvironmentConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Outcome run(List<String> argv, Path exe, GatewayEnvironment env, Map<String, String> extraEnv,
                               Duration timeout, int outputCap, Streams streams, long start) throws IOException {
        List<String> command = new ArrayList<>(argv);
        command.set(0, exe.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(streams == Streams.MERGED);
        pb.environment().clear();
        pb.environment().putAll(inheritedEnvironment(env));
        pb.environment().putAll(extraEnv);
        if (Files.isDirectory(env.workingDirectory())) {
            pb.directory(env.workingDirectory().toFile());
        }
        Process process = pb.start();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the child may already have exited; an empty stdin is all we wanted
        }
        Capture out = Capture.start(process.getInputStream(), outputCap);
        Capture err = Capture.start(process.getErrorStream(), outputCap);
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killTree(process);
            return new Outcome(argv, true, null, out.text(), err.text(), false, "interrupted", elapsedSince(start));
        }
        if (!finished) {
            killTree(process);
            return new Outcome(argv, true, null, out.text(), err.text(), true,
                    String.join(" ", argv) + " did not finish within " + describe(timeout)
                            + "; the process tree was killed", elapsedSince(start));
        }
        out.awaitEnd();
        err.awaitEnd();
        return new Outcome(argv, true, process.exitValue(), out.text(), err.text(), false, null, elapsedSince(start));
    }

    /** Kills the process and every descendant at once, then gives the process a moment to be reaped. */
    public static void killTree(Process process) {
        ProcessTree.kill(process.toHandle());
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "5 s", "1.5 s", "250 ms". */
    public static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.valueOf(ms / 1000.0)) + " s";
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Reads one stream on a virtual thread, keeping at most {@code cap} bytes. */
    private static final class Capture {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int cap;
        private final Thread thread;

        private Capture(InputStream in, int cap) {
            this.cap = cap;
            this.thread = Thread.ofVirtual().name("bounded-command-capture").start(() -> pump(in));
        }

        static Capture start(InputStream in, int cap) {
            return new Capture(in, cap);
        }

        private void pump(InputStream in) {
            byte[] buf = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (kept) {
                        int room = cap - kept.size();
                        if (room > 0) {
                            kept.write(buf, 0, Math.min(room, n));
                        }
                    }
                }
            } catch (IOException ignored) {
                // stream closed under us (process killed): keep what we have
            }
        }

        void awaitEnd() {
            try {
                thread.join(DRAIN_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String text() {
            awaitEnd();
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
