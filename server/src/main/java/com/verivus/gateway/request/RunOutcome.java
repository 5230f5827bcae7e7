package com.verivus.gateway.request;

import com.verivus.gateway.job.DirectResult;
import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.FailureDetail;
import com.verivus.gateway.store.JobStatus;

/**
 * How a request's CLI run ended, whichever path ran it (a job, or the direct path of SYNC_DEADLINE_MS=0).
 *
 * @param exitCode null when the run has none (e.g. canceled before an exit was seen)
 * @param error the job's error text (missing binary, idle timeout, ...), or null
 * @param jobId null for the direct path
 */
public record RunOutcome(JobStatus status, String stdout, String stderr, Integer exitCode, String error,
                         int retryCount, String circuitBreakerState, String jobId) {

    public RunOutcome {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    static RunOutcome of(JobResult r) {
        return new RunOutcome(r.snapshot().status(), r.stdout(), r.stderr(), r.snapshot().exitCode(),
                r.snapshot().error(), 0, "closed", r.snapshot().id());
    }

    static RunOutcome of(DirectResult d, String circuitBreakerState) {
        return new RunOutcome(d.code() == 0 ? JobStatus.COMPLETED : JobStatus.FAILED, d.stdout(), d.stderr(), d.code(),
                null, Math.max(0, d.attempts() - 1), circuitBreakerState, null);
    }

    public boolean succeeded() {
        return status == JobStatus.COMPLETED;
    }

    /** The exit code an error result reports: the run's, or 1 when it has none (or 0 yet did not complete). */
    public int failureCode() {
        return exitCode == null || exitCode == 0 ? 1 : exitCode;
    }

    /**
     * What an error result shows: stderr, else a machine format's error event, else the job's error, else the
     * tail of stdout, plus the login command when the CLI says it is not logged in (see {@link FailureDetail}).
     */
    public String failureText(CliName cli, String outputFormat) {
        String detail = FailureDetail.describe(cli, outputFormat, stdout, stderr, error);
        // the gateway's own reason for killing a run (inactivity, no progress) goes first: stderr would hide it
        if (exitCode != null && exitCode == 125 && error != null && !error.isBlank() && !detail.startsWith(error)) {
            return error + "\n" + detail;
        }
        return detail;
    }
}
