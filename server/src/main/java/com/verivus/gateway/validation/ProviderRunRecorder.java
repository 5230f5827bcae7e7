package com.verivus.gateway.validation;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.job.JobSnapshot;
import com.verivus.gateway.job.JobStart;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.provider.CliInvocation;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.Usage;
import com.verivus.gateway.provider.UsageExtractor;
import com.verivus.gateway.recorder.FlightRecorder;
import com.verivus.gateway.recorder.NoopFlightRecorder;
import com.verivus.gateway.recorder.RequestOutcome;
import com.verivus.gateway.recorder.RequestStart;
import com.verivus.gateway.recorder.RequestStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The flight-recorder rows of the provider (and judge) runs of the validation tools and review_changes,
 * so that llm_request_result finds them by the correlation id their result reports: a row
 * {@code started} when the job is started (or reused through dedup), linked to the job, and finished
 * once when the job ends — even after the tool stopped waiting for it. The end comes through
 * {@link JobEngine#finished}, alike for a job of this gateway, one already over (a reused completed
 * job, a fast failure) and one another gateway runs on the shared store.
 *
 * <p>Metrics are not touched: the performance metrics count request tools only, as before.
 */
public final class ProviderRunRecorder implements AutoCloseable {

    /** How long a shutdown waits for the rows of the jobs the engine ended. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final JobEngine engine;
    private final FlightRecorder recorder;
    private final Set<Run> unfinished = ConcurrentHashMap.newKeySet();

    /** Records through {@code recorder} the runs of {@code engine}'s jobs. */
    public ProviderRunRecorder(JobEngine engine, FlightRecorder recorder) {
        this.engine = engine;
        this.recorder = recorder;
    }

    /** Records nothing (tests and callers without a flight recorder). */
    public static ProviderRunRecorder disabled(JobEngine engine) {
        return new ProviderRunRecorder(engine, new NoopFlightRecorder());
    }

    /**
     * Records a provider run whose job was just started or reused.
     *
     * @param prompt        the prompt the CLI was given
     * @param correlationId the id the tool's result reports for this run (what llm_request_result takes)
     */
    public void started(CliInvocation invocation, String prompt, String correlationId, JobStart start) {
        if (recorder.file().isEmpty()) {
            return;
        }
        JobSnapshot job = start.job();
        CliName cli = invocation.cli();
        Run run = new Run(UUID.randomUUID().toString(), cli, job.id(), System.nanoTime());
        recorder.logStart(new RequestStart(run.requestId, cli, null, prompt, null, null, job.id(), correlationId,
                invocation.workingDir() == null ? null : invocation.workingDir().toString()));
        unfinished.add(run);
        engine.finished(job.id()).whenComplete((end, failure) -> {
            if (failure != null) {
                // the job vanished or the gateway is shutting down: the row stays 'started'
                GatewayLog.warn("Flight recorder lost track of job " + run.jobId + ": " + failure.getMessage());
                unfinished.remove(run);
                run.done.complete(null);
            } else {
                finish(run, engine.finalResult(end));
            }
        });
    }

    private void finish(Run run, JobResult result) {
        try {
            recorder.logComplete(outcome(run, result));
        } catch (RuntimeException e) {
            GatewayLog.error("recording the end of job " + run.jobId + " failed", e);
        } finally {
            run.done.complete(null);
            unfinished.remove(run);
        }
    }

    /**
     * Call after the job engine has shut down, before the recorder closes: waits (a few seconds at most)
     * until the runs of the jobs it ended are recorded.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        try {
            for (Run run : List.copyOf(unfinished)) {
                run.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException e) {
            GatewayLog.warn("shutdown: some validation runs were still running; their recorder rows stay 'started'");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // finish() never completes exceptionally
        }
    }

    private static RequestOutcome outcome(Run run, JobResult result) {
        JobSnapshot job = result.snapshot();
        RequestStatus status = switch (job.status()) {
            case COMPLETED -> RequestStatus.COMPLETED;
            case CANCELED -> RequestStatus.CANCELED;
            case ORPHANED -> RequestStatus.ORPHANED;
            case FAILED, RUNNING -> RequestStatus.FAILED;
        };
        RequestOutcome.Builder b = RequestOutcome.builder(run.requestId, status)
                .durationMs((System.nanoTime() - run.startedNanos) / 1_000_000)
                .exitCode(job.exitCode()).asyncJobId(job.id());
        if (status == RequestStatus.COMPLETED) {
            Usage usage = UsageExtractor.extract(run.cli, result.stdout(), job.outputFormat());
            return b.response(result.stdout()).tokens(usage.inputTokens(), usage.outputTokens(),
                    usage.cacheReadTokens(), usage.cacheCreationTokens()).costUsd(usage.costUsd()).build();
        }
        String stderr = result.stderr();
        String message = job.error() != null && !job.error().isBlank() ? job.error()
                : !stderr.isEmpty() ? stderr
                : "Exit code " + (job.exitCode() == null ? "unknown" : job.exitCode());
        return b.response(stderr).errorMessage(message).build();
    }

    /** One recorded run: its row id and the job it waits for. */
    private static final class Run {
        final String requestId;
        final CliName cli;
        final String jobId;
        final long startedNanos;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Run(String requestId, CliName cli, String jobId, long startedNanos) {
            this.requestId = requestId;
            this.cli = cli;
            this.jobId = jobId;
            this.startedNanos = startedNanos;
        }
    }
}
