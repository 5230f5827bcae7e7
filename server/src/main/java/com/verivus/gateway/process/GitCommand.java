package com.verivus.gateway.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs the git CLI (review_changes' change-set capture) in one repository, without a shell: stdin closed at once, stdout and stderr read
 * concurrently (so a full pipe never blocks the child and the time bound always fires), and the
 * process tree killed when the bound expires. Git is told not to take optional locks, so reading a
 * change set never rewrites the index; no pager, no prompts, no colour.
 */
public final class GitCommand {

    /** What one git run printed. {@code overflowed}: stdout was longer than the cap (the rest was dropped). */
    public record Output(int exitCode, byte[] stdout, String stderr, boolean overflowed) {

        public boolean ok() {
            return exitCode == 0;
        }

        public String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** The first line of stdout, stripped (rev-parse and friends). */
        public String line() {
            String t = text().strip();
            int nl = t.indexOf('\n');
            return nl < 0 ? t : t.substring(0, nl);
        }
    }

    /** git could not be run, or did not finish within the time bound; the message says which. */
    public static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private static final int STDERR_CAP = 16 * 1024;
    /** Variables that would point git at another repository, index or diff program than the one asked for. */
    private static final List<String> DROPPED_ENV = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE",
            "GIT_EXTERNAL_DIFF", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE",
            "GIT_CEILING_DIRECTORIES", "GIT_DIFF_OPTS", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT");

    private final Path directory;
    private final Duration timeout;
    private final Map<String, String> baseEnv;

    public GitCommand(Path directory, Duration timeout, Map<String, String> baseEnv) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.baseEnv = Map.copyOf(baseEnv);
    }

    /** The same settings in another directory (the repository root once it is known). */
    public GitCommand in(Path other) {
        return new GitCommand(other, timeout, baseEnv);
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * @param stdoutCap bytes of stdout kept; more sets {@link Output#overflowed()}
     * @throws Failure when git cannot be started, or does not finish within the time bound
     */
    public Output run(int stdoutCap, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable());
        command.addAll(List.of("-c", "core.quotePath=false", "-c", "color.ui=false", "-c", "core.pager=cat",
                "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false", "-c", "diff.relative=false",
                "-c", "log.showSignature=false", "-c", "core.fsmonitor=false", "-c", "diff.submodule=short"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(baseEnv);
        DROPPED_ENV.forEach(env::remove);
        env.put("GIT_OPTIONAL_LOCKS", "0");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_PAGER", "cat");
        env.put("LC_ALL", "C");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new Failure("Could not run git (is it installed and on PATH?): " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // git may already have exited; an empty stdin is all that was wanted
        }
        Drain out = new Drain(process.getInputStream(), stdoutCap);
        Drain err = new Drain(process.getErrorStream(), STDERR_CAP);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new Failure("git " + String.join(" ", args) + " did not finish within "
                        + timeout.toSeconds() + " s in " + directory + "; it was stopped. A very large repository "
                        + "or a network filesystem can do this: narrow the change set (base, include).");
            }
            out.join();
            err.join();
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while git was running");
        }
        return new Output(process.exitValue(), out.bytes(), new String(err.bytes(), StandardCharsets.UTF_8).strip(),
                out.overflowed());
    }

    public Output run(int stdoutCap, String... args) {
        return run(stdoutCap, List.of(args));
    }

    /** git as found on the PATH of the environment git runs with (not necessarily the gateway's own). */
    private String executable() {
        String path = baseEnv.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "git");
            if (java.nio.file.Files.isRegularFile(candidate) && java.nio.file.Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new Failure("git was not found on PATH (" + path + "); this needs the git CLI");
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Reads one stream to its end on a virtual thread, keeping at most {@code cap} bytes. */
    private static final class Drain {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int cap;
        private final Thread thread;
        private volatile boolean overflowed;

        Drain(InputStream in, int cap) {
            this.cap = cap;
            this.thread = Thread.ofVirtual().name("git-output").start(() -> pump(in));
        }

        private void pump(InputStream in) {
            byte[] buf = new byte[16 * 1024];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (kept) {
                        int room = cap - kept.size();
                        if (n > room) {
                            overflowed = true;
                        }
                        if (room > 0) {
                            kept.write(buf, 0, Math.min(room, n));
                        }
                    }
                }
            } catch (IOException ignored) {
                // the stream closed under us (process killed): keep what was read
            }
        }

        void join() throws InterruptedException {
            thread.join(Duration.ofSeconds(5));
        }

        boolean overflowed() {
            return overflowed;
        }

        byte[] bytes() {
            synchronized (kept) {
                return kept.toByteArray();
            }
        }
    }
}
