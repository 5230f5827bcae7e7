package com.verivus.gateway.validation;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobListener;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The flight-recorder rows of the provider (and judge) runs of the validation tools and review_changes,
 * so that llm_request_result finds them by the correlation id their result reports: a row
 * {@code started} when the job is started (or reused through dedup), linked to the job, and finished
 * once when the job ends — even after the tool stopped waiting for it. Listens to the engine for that;
 * a job already over when it is recorded (a reused completed job, a fast failure) is finished at once,
 * and a job of another gateway sharing the store is watched through the store.
 *
 * <p>Metrics are not touched: the performance metrics count request tools only, as before.
 */
public final class ProviderRunRecorder implements JobListener, AutoCloseable {

    /** How long a job of another gateway is watched for its end. */
    private static final Duration FOREIGN_WATCH = Duration.ofDays(1);
    /** How long a shutdown waits for the rows of the jobs the engine ended. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final JobEngine engine;
    private final FlightRecorder recorder;
    private final ConcurrentHashMap<String, List<Run>> byJob = new ConcurrentHashMap<>();
    private final Set<Run> unfinished = ConcurrentHashMap.newKeySet();

    /** Records through {@code recorder}; registers itself as a listener of {@code engine}. */
    public ProviderRunRecorder(JobEngine engine, FlightRecorder recorder) {
        this.engine = engine;
        this.recorder = recorder;
        if (recorder.file().isPresent()) {
            engine.addListener(this);
        }
    }

    /** Records nothing (tests and callers without a flight recorder); does not listen to the engine. */
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
        byJob.computeIfAbsent(job.id(), id -> new CopyOnWriteArrayList<>()).add(run);
        Optional<CompletableFuture<JobResult>> settlement = engine.completion(job.id());
        if (settlement.isPresent()) {
            if (settlement.get().isDone()) {
                // settled before the run was registered: the listener may have run without it
                forget(run);
                finish(run, settlement.get().join());
            }
            return;
        }
        forget(run);
        Optional<JobSnapshot> now = engine.snapshot(job.id());
        if (now.isPresent() && now.get().status().terminal()) {
            engine.result(job.id(), Integer.MAX_VALUE).ifPresent(r -> finish(run, r));
        } else {
            Thread.ofVirtual().name("record-job-" + job.id()).start(() -> watchForeign(run));
        }
    }

    @Override
    public void onJobFinished(JobResult result) {
        List<Run> runs = byJob.remove(result.snapshot().id());
        if (runs != null) {
            runs.forEach(r -> finish(r, result));
        }
    }

    private void forget(Run run) {
        byJob.computeIfPresent(run.jobId, (id, list) -> {
            list.remove(run);
            return list.isEmpty() ? null : list;
        });
    }

    private void watchForeign(Run run) {
        try {
            if (engine.awaitTerminal(run.jobId, FOREIGN_WATCH).isPresent()) {
                engine.result(run.jobId, Integer.MAX_VALUE).ifPresent(r -> finish(run, r));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            GatewayLog.warn("Flight recorder lost track of job " + run.jobId + ": " + e.getMessage());
        }
    }

    private void finish(Run run, JobResult result) {
        if (!run.finished.compareAndSet(false, true)) {
            return;
        }
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
     * until the runs of the jobs it ended are recorded, then stops listening to the engine.
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
        } finally {
            engine.removeListener(this);
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
        final AtomicBoolean finished = new AtomicBoolean();
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Run(String requestId, CliName cli, String jobId, long startedNanos) {
            this.requestId = requestId;
            this.cli = cli;
            this.jobId = jobId;
            this.startedNanos = startedNanos;
        }
    }
}
