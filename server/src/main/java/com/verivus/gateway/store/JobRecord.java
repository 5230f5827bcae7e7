package com.verivus.gateway.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of the {@code jobs} table. The columns of the Node gateway's schema, plus who owns a
 * running row and when the owner last said it is alive (null on rows the Node gateway wrote).
 *
 * @param cli the provider key as stored (claude, codex, gemini, grok, mistral)
 * @param pid the CLI process's pid, null when it never started
 * @param owner the gateway process running the job; null for rows without owner columns
 * @param heartbeatAt the owner's last heartbeat; null for rows without it
 * @param workingDir the absolute directory the CLI ran in; null = the gateway's own (and on rows the
 *                   Node gateway wrote)
 */
public record JobRecord(String id, String correlationId, String requestKey, String cli, List<String> args,
                        String outputFormat, JobStatus status, Integer exitCode, String stdout, String stderr,
                        boolean outputTruncated, String error, Instant startedAt, Instant finishedAt, Long pid,
                        Instant expiresAt, JobOwner owner, Instant heartbeatAt, String workingDir) {

    /** A row without a working directory (the gateway's own). */
    public JobRecord(String id, String correlationId, String requestKey, String cli, List<String> args,
                     String outputFormat, JobStatus status, Integer exitCode, String stdout, String stderr,
                     boolean outputTruncated, String error, Instant startedAt, Instant finishedAt, Long pid,
                     Instant expiresAt, JobOwner owner, Instant heartbeatAt) {
        this(id, correlationId, requestKey, cli, args, outputFormat, status, exitCode, stdout, stderr,
                outputTruncated, error, startedAt, finishedAt, pid, expiresAt, owner, heartbeatAt, null);
    }

    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        args = args == null ? List.of() : List.copyOf(args);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    /** The owner-and-liveness part, all the orphan sweep needs. */
    public JobLease lease() {
        return new JobLease(id, startedAt, owner, heartbeatAt);
    }
}
