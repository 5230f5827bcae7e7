package com.verivus.gateway.job;

import com.verivus.gateway.json.IsoTimestamps;
import com.verivus.gateway.store.JobRecord;
import com.verivus.gateway.store.JobStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What llm_job_status shows of a job (the Node gateway's snapshot, §4.4 of the behaviour spec).
 * {@code outputFormat} is carried for the result tool's stream-json parsing but is not part of the
 * JSON shape.
 *
 * @param stdoutBytes UTF-8 length of the captured stdout
 * @param exited whether the CLI process has exited (always true for rows read back from the store
 *               in a terminal state)
 * @param workingDir the directory the CLI runs in, or null for the gateway's own; shown only when set,
 *                   so a job without one has exactly the Node gateway's shape
 */
public record JobSnapshot(String id, String cli, JobStatus status, Instant startedAt, Instant finishedAt,
                          Integer exitCode, String correlationId, boolean outputTruncated, long stdoutBytes,
                          long stderrBytes, String error, boolean exited, String outputFormat, String workingDir) {

    public JobSnapshot(String id, String cli, JobStatus status, Instant startedAt, Instant finishedAt,
                       Integer exitCode, String correlationId, boolean outputTruncated, long stdoutBytes,
                       long stderrBytes, String error, boolean exited, String outputFormat) {
        this(id, cli, status, startedAt, finishedAt, exitCode, correlationId, outputTruncated, stdoutBytes,
                stderrBytes, error, exited, outputFormat, null);
    }

    static JobSnapshot of(JobRecord r) {
        return new JobSnapshot(r.id(), r.cli(), r.status(), r.startedAt(), r.finishedAt(), r.exitCode(),
                r.correlationId(), r.outputTruncated(), r.stdout().getBytes(StandardCharsets.UTF_8).length,
                r.stderr().getBytes(StandardCharsets.UTF_8).length, r.error(), r.status() != JobStatus.RUNNING,
                r.outputFormat(), r.workingDir());
    }

    /** The JSON object, keys in the Node gateway's order, nulls kept. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("cli", cli);
        m.put("status", status.key());
        m.put("startedAt", IsoTimestamps.format(startedAt));
        m.put("finishedAt", IsoTimestamps.format(finishedAt));
        m.put("exitCode", exitCode);
        m.put("correlationId", correlationId);
        m.put("outputTruncated", outputTruncated);
        m.put("stdoutBytes", stdoutBytes);
        m.put("stderrBytes", stderrBytes);
        m.put("error", error);
        m.put("exited", exited);
        if (workingDir != null) {
            m.put("workingDir", workingDir);
        }
        return m;
    }
}
