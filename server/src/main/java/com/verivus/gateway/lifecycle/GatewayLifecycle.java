package com.verivus.gateway.lifecycle;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.HttpBinding;
import com.verivus.gateway.files.PrivateFiles;
import com.verivus.gateway.log.ListeningLine;
import com.verivus.gateway.process.BoundedCommand;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the HTTP gateway in the background the way the Node installer's start/stop/status do:
 * {@code start} launches a detached gateway with a bearer token, writes {@code gateway.pid}, appends
 * its output to {@code gateway.log} / {@code gateway.err.log} and succeeds only once {@code /healthz}
 * answers; {@code stop} sends TERM, then KILL after a grace period; {@code status} says whether it
 * runs, where, and whether it is healthy. All three are idempotent.
 */
public final class GatewayLifecycle {

    public static final String START_TIMEOUT_ENV = "LLM_GATEWAY_START_TIMEOUT_MS";
    public static final String STOP_GRACE_ENV = "LLM_GATEWAY_STOP_GRACE_MS";
    static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration STATUS_HEALTH_TIMEOUT = Duration.ofMillis(1000);
    private static final int TAIL_LINES = 25;

    /** The outcome of start or stop: an exit code, a sentence, and the error-log tail on failure. */
    public record Result(int exitCode, String message, List<String> errLogTail, LifecycleStatus status) {
        public Result {
            errLogTail = List.copyOf(errLogTail);
        }
    }

    private final GatewayEnvironment env;
    private final GatewayFiles files;
    private final PidFile pidFile;
    private final HttpBinding binding;

    /**
     * @throws IllegalArgumentException when LLM_GATEWAY_HTTP_PORT is not a port number
     */
    public GatewayLifecycle(GatewayEnvironment env) {
        this.env = env;
        this.files = GatewayFiles.of(env);
        this.pidFile = new PidFile(files.pidFile());
        this.binding = HttpBinding.from(env);
    }

    public GatewayFiles files() {
        return files;
    }

    public LifecycleStatus status() {
        Optional<ProcessHandle> live = pidFile.liveProcess();
        Optional<Long> recorded = pidFile.read();
        String url = live.isPresent() ? lastListeningUrl(0).orElse(binding.localUrl()) : binding.localUrl();
        // loopback /healthz answers in milliseconds; a gateway that needs longer counts as not answering
        Optional<HealthCheck.Answer> answer = HealthCheck.get(HealthCheck.healthUrlOf(url), STATUS_HEALTH_TIMEOUT);
        String health = answer.map(a -> a.healthy() ? "ok" : "status " + a.status()).orElse("no answer");
        boolean healthy = answer.map(HealthCheck.Answer::healthy).orElse(false);
        if (live.isPresent()) {
            return new LifecycleStatus(true, live.get().pid(), url, healthy, health, files, null);
        }
        String note = recorded.map(pid -> "gateway.pid names pid " + pid + ", which is not running (stale)")
                .orElse(null);
        if (healthy) {
            return new LifecycleStatus(true, null, url, true, health, files,
                    "a gateway answers at " + url + " but gateway.pid does not name it (it was started some other way)");
        }
        return new LifecycleStatus(false, null, url, false, health, files, note);
    }

    /**
     * @param mainClass the class the relaunched JVM runs when {@code LLM_GATEWAY_START_COMMAND} is not set
     */
    public Result start(String mainClass) throws IOException {
        LifecycleStatus before = status();
        if (before.running()) {
            return new Result(0, "llm-cli-gateway is already running"
                    + (before.pid() == null ? "" : " (pid " + before.pid() + ")") + " at " + before.url()
                    + (before.note() == null ? "" : "; " + before.note()), List.of(), before);
        }
        pidFile.delete(); // stale, if any
        AuthToken token = AuthToken.ensure(env, files);
        files.ensureDirectory();
        PrivateFiles.createIfMissing(files.log());
        PrivateFiles.createIfMissing(files.errLog());
        long errOffset = Files.size(files.errLog());

        List<String> command = LaunchCommand.resolve(env, mainClass);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env.variables());
        pb.environment().put("LLM_GATEWAY_TRANSPORT", "http");
        pb.environment().put("LLM_GATEWAY_HTTP_HOST", binding.host());
        pb.environment().put("LLM_GATEWAY_HTTP_PORT", String.valueOf(binding.port()));
        pb.environment().put("LLM_GATEWAY_HTTP_PATH", binding.path());
        pb.environment().put(AuthToken.ENV, token.value());
        if (Files.isDirectory(env.workingDirectory())) {
            pb.directory(env.workingDirectory().toFile());
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()));
        pb.redirectError(ProcessBuilder.Redirect.appendTo(files.errLog().toFile()));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return new Result(1, "gateway start failed: could not run " + command.getFirst() + " (" + e.getMessage()
                    + ")", tail(files.errLog()), status());
        }
        pidFile.write(process.pid());

        Duration timeout = duration(START_TIMEOUT_ENV, DEFAULT_START_TIMEOUT);
        long deadline = System.nanoTime() + timeout.toNanos();
        String failure;
        while (true) {
            if (!process.isAlive()) {
                failure = "the gateway exited with status " + process.exitValue() + " before /healthz answered";
                break;
            }
            Optional<String> url = lastListeningUrl(errOffset)
                    .or(() -> binding.port() == 0 ? Optional.empty() : Optional.of(binding.localUrl()));
            if (url.isPresent()) {
                Optional<HealthCheck.Answer> answer =
                        HealthCheck.get(HealthCheck.healthUrlOf(url.get()), Duration.ofSeconds(1));
                if (answer.isPresent() && answer.get().status() < 500) {
                    LifecycleStatus now = new LifecycleStatus(true, process.pid(), url.get(), answer.get().healthy(),
                            answer.get().healthy() ? "ok" : "status " + answer.get().status(), files, null);
                    return new Result(0, "llm-cli-gateway started (pid " + process.pid() + ") at " + url.get()
                            + "; bearer token from " + describe(token), List.of(), now);
                }
            }
            if (System.nanoTime() > deadline) {
                failure = "/healthz did not answer within " + BoundedCommand.describe(timeout)
                        + " (set " + START_TIMEOUT_ENV + " to wait longer)";
                break;
            }
            sleep(POLL);
        }
        if (process.isAlive()) {
            BoundedCommand.killTree(process);
        }
        pidFile.delete();
        return new Result(1, "gateway start failed: " + failure, tail(files.errLog()), status());
    }

    public Result stop() throws IOException {
        Optional<Long> recorded = pidFile.read();
        Optional<ProcessHandle> live = pidFile.liveProcess();
        if (live.isEmpty()) {
            if (recorded.isPresent()) {
                pidFile.delete();
                return new Result(0, "llm-cli-gateway is not running (removed a stale gateway.pid naming pid "
                        + recorded.get() + ")", List.of(), status());
            }
            LifecycleStatus s = status();
            if (s.running()) {
                return new Result(1, "llm-cli-gateway was not started by gateway start (no gateway.pid), but "
                        + s.note() + "; stop it where it was started", List.of(), s);
            }
            return new Result(0, "llm-cli-gateway is not running", List.of(), s);
        }
        ProcessHandle gateway = live.get();
        List<ProcessHandle> descendants = gateway.descendants().toList();
        Duration grace = duration(STOP_GRACE_ENV, DEFAULT_STOP_GRACE);
        gateway.destroy();
        boolean killed = false;
        if (!awaitExit(gateway, grace)) {
            killed = true;
            descendants.forEach(ProcessHandle::destroyForcibly);
            gateway.destroyForcibly();
            if (!awaitExit(gateway, Duration.ofSeconds(5))) {
                return new Result(1, "could not stop llm-cli-gateway (pid " + gateway.pid() + ")", List.of(), status());
            }
        }
        pidFile.delete();
        // the process is gone: answer now instead of probing /healthz again (status() would wait on it)
        LifecycleStatus stopped = new LifecycleStatus(false, null, binding.localUrl(), false, "no answer", files, null);
        return new Result(0, "llm-cli-gateway stopped (pid " + gateway.pid()
                + (killed ? "; it ignored TERM for " + BoundedCommand.describe(grace) + " and was killed" : "") + ")",
                List.of(), stopped);
    }

    private static boolean awaitExit(ProcessHandle handle, Duration wait) {
        try {
            handle.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }

    /** The URL of the last "listening on http://..." line written to gateway.err.log after {@code offset}. */
    private Optional<String> lastListeningUrl(long offset) {
        try {
            if (!Files.isRegularFile(files.errLog())) {
                return Optional.empty();
            }
            return ListeningLine.lastUrlIn(readFrom(files.errLog(), offset, 1 << 20));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The last lines of a log file (at most 64 KiB read). */
    static List<String> tail(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return List.of();
            }
            long size = Files.size(file);
            List<String> lines = readFrom(file, Math.max(0, size - 65_536), 65_536).lines().toList();
            return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    private static String readFrom(Path file, long offset, int max) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(offset, raf.length() - max);
            if (start >= raf.length()) {
                return "";
            }
            raf.seek(Math.max(0, start));
            byte[] buf = new byte[(int) (raf.length() - Math.max(0, start))];
            raf.readFully(buf);
            return new String(buf, StandardCharsets.UTF_8);
        }
    }

    private Duration duration(String variable, Duration fallback) {
        return env.nonBlank(variable).map(v -> {
            try {
                long ms = Long.parseLong(v.trim());
                return ms > 0 ? Duration.ofMillis(ms) : fallback;
            } catch (NumberFormatException e) {
                return fallback;
            }
        }).orElse(fallback);
    }

    private String describe(AuthToken token) {
        return switch (token.source()) {
            case "env" -> AuthToken.ENV;
            case "generated" -> files.authToken() + " (new)";
            default -> files.authToken().toString();
        };
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
