package com.verivus.gateway.job;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.process.CapturedOutput;
import com.verivus.gateway.process.LaunchOutcome;
import com.verivus.gateway.process.LaunchSpec;
import com.verivus.gateway.process.ProcessExit;
import com.verivus.gateway.process.ProcessLauncher;
import com.verivus.gateway.process.ProcessRun;
import com.verivus.gateway.process.RunLimits;
import com.verivus.gateway.provider.CliInvocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The direct path (SYNC_DEADLINE_MS=0, and one-off commands): run a CLI to completion, no job, no
 * store, no dedup, with the Node gateway's retry and per-command circuit breaker. Only a wall-clock
 * timeout (124) is transient and retried; a non-zero exit or an idle timeout (125) returns the result
 * at once. Unlike the Node gateway, the invocation's environment variables do not replace the
 * extended PATH.
 */
public final class DirectRunner {

    private final ProcessLauncher launcher;
    private final RetryPolicy policy;
    private final JobEngineSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public DirectRunner(ProcessLauncher launcher, RetryPolicy policy, JobEngineSettings settings) {
        this.launcher = launcher;
        this.policy = policy;
        this.settings = settings;
    }

    /** The direct path of a gateway: the extended PATH of {@code env}, the engine's limits, Node's retry policy. */
    public static DirectRunner open(GatewayEnvironment env, JobEngineSettings settings) {
        return new DirectRunner(new ProcessLauncher(env), RetryPolicy.defaults(), settings);
    }

    /** The breaker state of a command (claude, codex, gemini, grok, vibe), for the flight recorder. */
    public CircuitBreaker.State circuitState(String executable) {
        CircuitBreaker b = breakers.get(executable);
        return b == null ? CircuitBreaker.State.CLOSED : b.state();
    }

    /**
     * Runs the invocation to completion and retries; its temp files are deleted when it is done.
     *
     * @param wallTimeout null = none; on expiry the result has code 124 (and is retried)
     * @throws IllegalArgumentException when its idle timeout is below the settings' minimum
     * @throws DirectExecutionException for a missing binary, an output overflow or an open circuit
     */
    public DirectResult run(CliInvocation inv, Duration wallTimeout)
            throws DirectExecutionException, InterruptedException {
        return run(inv, settings.idleTimeout(inv), wallTimeout);
    }

    /** {@link #run(CliInvocation, Duration)} with the idle timeout given, not taken from the invocation. */
    DirectResult run(CliInvocation inv, Duration idleTimeout, Duration wallTimeout)
            throws DirectExecutionException, InterruptedException {
        try {
            return withRetry(inv, idleTimeout, wallTimeout);
        } finally {
            for (Path file : inv.tempFiles()) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    GatewayLog.warn("could not delete temp file " + file + ": " + e.getMessage());
                }
            }
        }
    }

    private DirectResult withRetry(CliInvocation inv, Duration idle, Duration wall)
            throws DirectExecutionException, InterruptedException {
        String command = inv.cli().executable();
        CircuitBreaker breaker = breakers.computeIfAbsent(command, c -> new CircuitBreaker(policy, clock));
        breaker.admit();
        long started = System.nanoTime();
        for (int attempt = 1; attempt <= policy.failureThreshold(); attempt++) {
            Attempt a = runOnce(inv, idle, wall, attempt, started);
            if (a.transientFailure == null) {
                if (a.nonTransient != null) {
                    if (a.result != null) {
                        return a.result; // a non-zero exit or idle timeout: the caller reports it
                    }
                    throw new DirectExecutionException(a.nonTransient, null);
                }
                breaker.succeeded();
                return a.result;
            }
            String stop = breaker.failedTransiently(a.transientFailure);
            if (stop != null || attempt == policy.failureThreshold()) {
                return a.result; // the Node gateway returns the last result once it gives up
            }
            Duration delay = policy.delayBefore(attempt + 1);
            GatewayLog.debug("[Retry] Attempt " + attempt + " failed with transient error. Retrying in "
                    + delay.toMillis() + "ms... " + a.transientFailure);
            Thread.sleep(delay);
        }
        throw new IllegalStateException("[Retry] Operation failed after all retry attempts.");
    }

    /** One attempt: a result, and either nothing wrong, a transient failure or a non-transient one. */
    private record Attempt(DirectResult result, String transientFailure, String nonTransient) {
    }

    private Attempt runOnce(CliInvocation inv, Duration idle, Duration wall, int attempt, long started)
            throws InterruptedException {
        RunLimits limits = new RunLimits(idle, wall, settings.maxOutputBytes(), settings.killGrace(),
                settings.drainGrace(), settings.stallTimeout());
        LaunchOutcome outcome = launcher.launch(new LaunchSpec(inv.cli().executable(), inv.args(), inv.env(),
                inv.workingDir(), limits));
        if (outcome instanceof LaunchOutcome.Failed failed) {
            return new Attempt(null, null,
                    "[CircuitBreaker] Operation failed with non-transient error: " + failed.failure().detail());
        }
        ProcessRun run = ((LaunchOutcome.Started) outcome).run().start(ProcessRun.Observer.NONE);
        ProcessExit exit;
        try {
            exit = run.finished().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("process wait failed", e.getCause());
        } catch (InterruptedException e) {
            run.terminate();
            throw e;
        }
        CapturedOutput.Snapshot out = run.output().snapshot();
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (exit.breach() != null) {
            return switch (exit.breach()) {
                case WALL_TIMEOUT -> {
                    String stderr = out.stderr() + "\nProcess timed out after " + wall.toMillis() + "ms";
                    yield new Attempt(new DirectResult(out.stdout(), stderr, 124, attempt, ms), stderr, null);
                }
                case IDLE_TIMEOUT -> {
                    String stderr = out.stderr() + "\nProcess killed after " + idle.toMillis() + "ms of inactivity";
                    yield new Attempt(new DirectResult(out.stdout(), stderr, 125, attempt, ms), null,
                            "[CircuitBreaker] Operation failed with non-transient error: " + stderr);
                }
                case STALLED -> {
                    String stderr = out.stderr() + "\n"
                            + settings.stalledMessage(run.repeatedLine());
                    yield new Attempt(new DirectResult(out.stdout(), stderr, 125, attempt, ms), null,
                            "[CircuitBreaker] Operation failed with non-transient error: " + stderr);
                }
                case OUTPUT_OVERFLOW -> new Attempt(null, null, "Output exceeded maximum size (50MB)");
            };
        }
        DirectResult result = new DirectResult(out.stdout(), out.stderr(), exit.exitCode(), attempt, ms);
        if (exit.exitCode() != 0) {
            return new Attempt(result, null, "[CircuitBreaker] Operation failed with non-transient error: "
                    + "Process exited with code " + exit.exitCode());
        }
        return new Attempt(result, null, null);
    }
}
