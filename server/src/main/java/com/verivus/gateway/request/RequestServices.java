package com.verivus.gateway.request;

import com.verivus.gateway.approval.ApprovalGate;
import com.verivus.gateway.job.DirectRunner;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.models.ModelRegistry;
import com.verivus.gateway.provider.PrepareContext;
import com.verivus.gateway.recorder.FlightRecorder;
import com.verivus.gateway.recorder.PerformanceMetrics;
import com.verivus.gateway.session.SessionStore;
import java.util.Objects;

/**
 * What the {@link RequestPipeline} works with; the composition root builds it once.
 *
 * @param prepareContext the adapters' context (environment, data directory, temp directory, id source);
 *                       the Codex calls add their thread lookup in {@code sessions}
 * @param direct the direct path: sync requests run there, not as jobs, when {@code syncDeadlineMs} is 0
 * @param syncDeadlineMs SYNC_DEADLINE_MS: 0 runs sync requests inline on the direct path
 * @param pollTools the job tools this gateway registers, named by deferred replies
 */
public record RequestServices(ModelRegistry models, SessionStore sessions, ApprovalGate approvals,
                              FlightRecorder recorder, PerformanceMetrics metrics, JobEngine engine,
                              DirectRunner direct, PrepareContext prepareContext, long syncDeadlineMs, PollTools pollTools) {

    public RequestServices {
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(approvals, "approvals");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(direct, "direct");
        Objects.requireNonNull(prepareContext, "prepareContext");
        Objects.requireNonNull(pollTools, "pollTools");
        if (syncDeadlineMs < 0) {
            throw new IllegalArgumentException("syncDeadlineMs must be >= 0");
        }
    }
}
