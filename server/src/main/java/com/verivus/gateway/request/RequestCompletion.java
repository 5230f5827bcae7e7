package com.verivus.gateway.request;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.recorder.PerformanceMetrics;
import com.verivus.gateway.provider.Usage;
import com.verivus.gateway.provider.UsageExtractor;
import com.verivus.gateway.recorder.FlightRecorder;
import com.verivus.gateway.recorder.RequestOutcome;
import com.verivus.gateway.recorder.RequestStart;
import com.verivus.gateway.recorder.RequestStatus;
import com.verivus.gateway.store.JobStatus;
import java.nio.file.Path;

/**
 * The bookkeeping of a request's end, done exactly once per request whatever path it took: session
 * store actions (a sync request's after success), the CLI's own session id, the flight-recorder row,
 * and the performance metrics (completed and failed requests only; canceled and orphaned runs are not
 * counted). Every request that has a recorder row is counted once.
 */
final class RequestCompletion {

    /** Whether the session store actions of the plan were done before the run (async) or wait for success (sync). */
    enum Mode { SYNC, ASYNC }

    private final SessionBookkeeping sessions;
    private final FlightRecorder recorder;
    private final PerformanceMetrics metrics;

    RequestCompletion(SessionBookkeeping sessions, FlightRecorder recorder, PerformanceMetrics metrics) {
        this.sessions = sessions;
        this.recorder = recorder;
        this.metrics = metrics;
    }

    /**
     * The flight-recorder row of a request about to run (or be refused), or of an async request whose job
     * has just started ({@code asyncJobId}, else null).
     */
    void started(PreparedRequest p, String asyncJobId) {
        String session = p.run().session().effectiveSessionId();
        if (session == null) {
            session = p.run().session().upstreamSessionId();
        }
        Path dir = p.invocation().workingDir();
        recorder.logStart(new RequestStart(p.requestId(), p.cli(), p.resolvedModel(), p.spec().call().shared()
                .prompt(), p.call().systemPrompt(), session, asyncJobId, p.correlationId(),
                dir == null ? null : dir.toString()));
    }

    /** The run ended: session bookkeeping, recorder row, metrics. Never throws. */
    void finished(PreparedRequest p, RunOutcome o, Mode mode) {
        if (o.succeeded() && mode == Mode.SYNC) {
            try {
                sessions.apply(p.run().session().storeActions());
            } catch (RuntimeException e) {
                GatewayLog.error("[" + p.correlationId() + "] session bookkeeping failed after a successful "
                        + p.cli().key() + " run", e);
            }
        }
        sessions.recordUpstream(p.run().session().afterRunActions(), p.call(), o.stdout(), o.stderr());
        if (o.status() == JobStatus.COMPLETED || o.status() == JobStatus.FAILED) {
            metrics.recordRequest(p.cli(), p.elapsedMs(), o.succeeded());
        }
        // last, so that a finished recorder row means the request is fully booked
        recorder.logComplete(outcome(p, o));
    }

    /** The request failed after its row was started but before (or instead of) a run. */
    void failedWithoutRun(PreparedRequest p, String message) {
        metrics.recordRequest(p.cli(), p.elapsedMs(), false);
        recorder.logComplete(RequestOutcome.failed(p.requestId()).response("").durationMs(p.elapsedMs())
                .exitCode(1).errorMessage(message).approvalDecision(decision(p))
                .optimizationApplied(p.promptOptimized()).build());
    }

    /** The approval gate denied the request: a failed row carrying the decision. */
    void denied(PreparedRequest p) {
        metrics.recordRequest(p.cli(), p.elapsedMs(), false);
        recorder.logComplete(RequestOutcome.failed(p.requestId()).response("").durationMs(p.elapsedMs())
                .errorMessage(ReplyBodies.denialMessage(p)).approvalDecision(decision(p))
                .optimizationApplied(p.promptOptimized()).build());
    }

    private static RequestOutcome outcome(PreparedRequest p, RunOutcome o) {
        RequestStatus status = switch (o.status()) {
            case COMPLETED -> RequestStatus.COMPLETED;
            case CANCELED -> RequestStatus.CANCELED;
            case ORPHANED -> RequestStatus.ORPHANED;
            case FAILED, RUNNING -> RequestStatus.FAILED;
        };
        RequestOutcome.Builder b = RequestOutcome.builder(p.requestId(), status).durationMs(p.elapsedMs())
                .retryCount(o.retryCount()).circuitBreakerState(o.circuitBreakerState())
                .approvalDecision(decision(p)).exitCode(o.exitCode()).asyncJobId(o.jobId());
        if (o.succeeded()) {
            Usage usage = UsageExtractor.extract(p.cli(), o.stdout(), p.outputFormat());
            boolean responseOptimized = ReplyBodies.optimizesResponse(p);
            String text = ReplyBodies.cliText(p, o.stdout());
            return b.response(text)
                    .tokens(usage.inputTokens(), usage.outputTokens(), usage.cacheReadTokens(),
                            usage.cacheCreationTokens())
                    .costUsd(usage.costUsd()).optimizationApplied(p.promptOptimized() || responseOptimized).build();
        }
        String stderr = o.stderr();
        String message = !stderr.isEmpty() ? stderr
                : o.error() != null ? o.error() : "Exit code " + (o.exitCode() == null ? "unknown" : o.exitCode());
        return b.response(stderr).errorMessage(message).optimizationApplied(p.promptOptimized()).build();
    }

    private static String decision(PreparedRequest p) {
        return p.approval() == null ? null : p.approval().status();
    }
}
