package com.verivus.gateway.console;

import com.verivus.gateway.job.CancelResult;
import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.job.JobSnapshot;
import com.verivus.gateway.job.OutputPage;
import com.verivus.gateway.recorder.FlightRecorder;
import com.verivus.gateway.recorder.RecordedRequest;
import com.verivus.gateway.recorder.RequestQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link JobSource} over the job engine's in-memory jobs; model and prompt come from the flight
 * recorder row that links to the job, when there is one.
 */
public final class EngineJobSource implements JobSource {

    private static final int RECORDER_ROWS = 500;

    private final JobEngine engine;
    private final FlightRecorder recorder;

    public EngineJobSource(JobEngine engine, FlightRecorder recorder) {
        this.engine = engine;
        this.recorder = recorder;
    }

    @Override
    public List<Map<String, Object>> list() {
        Map<String, RecordedRequest> byJob = new HashMap<>();
        for (RecordedRequest r : recorder.list(new RequestQuery(null, null, null, null, RECORDER_ROWS))) {
            if (r.asyncJobId() != null) {
                byJob.putIfAbsent(r.asyncJobId(), r);
            }
        }
        Instant now = Instant.now();
        return engine.recentSnapshots().stream().map(s -> row(s, byJob.get(s.id()), now)).toList();
    }

    private static Map<String, Object> row(JobSnapshot s, RecordedRequest recorded, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("cli", s.cli());
        m.put("model", recorded == null ? null : recorded.model());
        m.put("status", s.status().key());
        m.put("startedAt", s.startedAt() == null ? null : s.startedAt().toString());
        m.put("finishedAt", s.finishedAt() == null ? null : s.finishedAt().toString());
        Instant end = s.finishedAt() == null ? now : s.finishedAt();
        m.put("durationMs", s.startedAt() == null ? null : Math.max(0, Duration.between(s.startedAt(), end).toMillis()));
        m.put("exitCode", s.exitCode());
        m.put("correlationId", s.correlationId());
        m.put("prompt", recorded == null ? null : recorded.prompt());
        return m;
    }

    @Override
    public Optional<Map<String, Object>> page(String jobId, long stdoutOffset, long stderrOffset, int maxChars) {
        Optional<JobResult> full = engine.result(jobId, Integer.MAX_VALUE);
        if (full.isEmpty()) {
            return Optional.empty();
        }
        JobResult r = full.get();
        OutputPage out = OutputPage.of(r.stdout(), stdoutOffset, maxChars);
        OutputPage err = OutputPage.of(r.stderr(), stderrOffset, maxChars);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", jobId);
        m.put("status", r.snapshot().status().key());
        m.put("stdout", out.text());
        m.put("stdoutPage", out.position());
        m.put("stderr", err.text());
        m.put("stderrPage", err.position());
        return Optional.of(m);
    }

    @Override
    public Map<String, Object> cancel(String jobId) {
        CancelResult result = engine.cancel(jobId);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", result.canceled());
        m.put("jobId", jobId);
        if (!result.canceled()) {
            m.put("reason", result.reason());
        }
        return m;
    }
}
