package com.verivus.gateway.mcp.tools.job;

import com.verivus.gateway.job.JobEngine;
import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.job.JobSnapshot;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code llm_job_watch}: waits for a job to end, up to a bounded timeout, instead of the client
 * polling llm_job_status. The wait is the engine's completion signal (a job of this gateway wakes the
 * watcher the moment it settles); it is only sliced so that a client that sent a progress token gets
 * a notification every couple of seconds with the output so far and its last line.
 */
public final class JobWatchTool implements GatewayTool {

    static final long DEFAULT_TIMEOUT_MS = 50_000;
    static final long MAX_TIMEOUT_MS = 600_000;
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);
    private static final int LAST_LINE_MAX = 200;
    private static final int TAIL_FOR_LAST_LINE = 4_000;

    private final JobEngine engine;

    public JobWatchTool(JobEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "llm_job_watch";
    }

    @Override
    public String description() {
        return "Wait for an async or deferred job to finish, instead of polling llm_job_status. Returns as soon as the "
                + "job ends (finished: true) or when timeoutMs passes (timedOut: true, the job keeps running: call "
                + "again to keep waiting), with the job's status and the last line of its output. If you send a "
                + "progress token, a progress notification arrives every 2 s with the elapsed time, the bytes of "
                + "output so far and the last output line. Fetch the output afterwards with llm_job_result.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .string("jobId", "Async job ID from *_request_async (or the jobId of a deferred sync reply)",
                        p -> p.required())
                .integer("timeoutMs", "How long to wait at most, in milliseconds: 0 (just look) to 600000 (10 "
                        + "minutes); default 50000, below the 60 s request timeout many clients use.",
                        p -> p.range(0, MAX_TIMEOUT_MS).defaultValue(DEFAULT_TIMEOUT_MS))
                .build();
    }

    @Override
    public Map<String, Object> outputSchema() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("success", JobSchemas.type("boolean"));
        p.put("finished", JobSchemas.described("True when the job has ended (any status but running).",
                JobSchemas.type("boolean")));
        p.put("timedOut", JobSchemas.described("True when timeoutMs passed while the job was still running.",
                JobSchemas.type("boolean")));
        p.put("waitedMs", JobSchemas.type("integer"));
        p.put("job", JobSchemas.snapshot());
        p.put("lastLine", JobSchemas.described("The last non-empty line of stdout (else stderr) so far, at most 200 "
                + "characters; null when there is no output.", JobSchemas.nullable("string")));
        return JobSchemas.object(p);
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) throws InterruptedException {
        String jobId = call.requiredString("jobId");
        long timeoutMs = call.integer("timeoutMs").orElse(DEFAULT_TIMEOUT_MS);
        Optional<JobSnapshot> first = engine.snapshot(jobId);
        if (first.isEmpty()) {
            return JobToolResults.notFound(jobId);
        }
        long started = System.nanoTime();
        long deadline = started + Duration.ofMillis(timeoutMs).toNanos();
        Optional<JobSnapshot> ended = first.filter(s -> s.status().terminal());
        while (ended.isEmpty()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            report(call, jobId, started, timeoutMs);
            ended = engine.awaitTerminal(jobId, Duration.ofNanos(Math.min(remaining, PROGRESS_INTERVAL.toNanos())));
        }
        JobSnapshot job = ended.orElseGet(() -> engine.snapshot(jobId).orElse(first.get()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("finished", job.status().terminal());
        body.put("timedOut", !job.status().terminal());
        body.put("waitedMs", elapsedMs(started));
        body.put("job", job.toMap());
        body.put("lastLine", lastLine(jobId));
        return ToolResults.structured(ToolResults.pretty(body), body, false);
    }

    private void report(ToolCall call, String jobId, long started, long timeoutMs) {
        Optional<JobSnapshot> now = engine.snapshot(jobId);
        if (now.isEmpty()) {
            return;
        }
        JobSnapshot s = now.get();
        long bytes = s.stdoutBytes() + s.stderrBytes();
        String line = lastLine(jobId);
        long waited = elapsedMs(started);
        // progress is the time waited (it must increase); the message carries what a user wants to see
        call.progress().report(waited, (double) timeoutMs, s.cli() + " job " + jobId + " running, waited "
                + waited / 1000 + " s, " + bytes + " bytes of output" + (line == null ? "" : "; last line: " + line));
    }

    private String lastLine(String jobId) {
        Optional<JobResult> tail = engine.result(jobId, TAIL_FOR_LAST_LINE);
        if (tail.isEmpty()) {
            return null;
        }
        String line = lastNonEmptyLine(tail.get().stdout());
        if (line == null) {
            line = lastNonEmptyLine(tail.get().stderr());
        }
        if (line != null && line.length() > LAST_LINE_MAX) {
            int cut = LAST_LINE_MAX;
            if (Character.isHighSurrogate(line.charAt(cut - 1))) {
                cut--;
            }
            line = line.substring(0, cut) + "…";
        }
        return line;
    }

    static String lastNonEmptyLine(String text) {
        String[] lines = text.split("\r?\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return null;
    }

    private static long elapsedMs(long startedNanos) {
        return Math.max(0, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
