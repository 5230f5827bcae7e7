package com.verivus.gateway.validation;

import com.verivus.gateway.job.JobResult;
import com.verivus.gateway.job.JobSnapshot;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.FailureDetail;
import com.verivus.gateway.store.JobStatus;
import java.util.ArrayList;
import java.util.List;

/** Turns a provider's job (or its absence) into a {@link NormalizedResult} (§10.8). */
public final class ResultNormalizer {

    static final int RATIONALE_MAX_CHARS = 1800;
    static final int ERROR_MAX_CHARS = 1800;
    static final String RUNNING_RATIONALE =
            "Provider job is still running; collect its output with job_result when job_status shows it finished.";

    private ResultNormalizer() {
    }

    /** A provider that was not asked: no job, verdict not_run, the reason as rationale, risk and error. */
    public static NormalizedResult skipped(CliName provider, String reason) {
        return new NormalizedResult(provider, null, ResultStatus.SKIPPED, "not_run", reason, List.of(reason), null,
                reason, null);
    }

    /** A job that was still running when the run stopped waiting. */
    public static NormalizedResult running(CliName provider, String model, JobSnapshot job, String warning) {
        return new NormalizedResult(provider, model, ResultStatus.RUNNING, "pending", RUNNING_RATIONALE, List.of(),
                new RawJobReference(job.id(), job.correlationId()), null, warning);
    }

    /** A job with its output, in whatever state it is (running jobs stay pending). */
    public static NormalizedResult of(CliName provider, String model, JobResult result, String warning) {
        JobSnapshot job = result.snapshot();
        String output = result.stdout().strip();
        String error = error(provider, job, result.stdout(), result.stderr());
        String verdict = switch (job.status()) {
            case RUNNING -> "pending";
            case CANCELED, ORPHANED -> job.status().key();
            case FAILED -> "failed";
            case COMPLETED -> {
                String stated = AnswerText.verdict(output);
                yield stated != null ? stated : output.isEmpty() ? null : "answered";
            }
        };
        List<String> risks = new ArrayList<>(AnswerText.risks(output));
        if (risks.isEmpty() && error != null) {
            risks.add(AnswerText.excerpt(error, AnswerText.RISK_MAX_CHARS));
        }
        String rationale = !output.isEmpty() ? AnswerText.excerpt(output, RATIONALE_MAX_CHARS)
                : error != null ? error
                : job.status() == JobStatus.COMPLETED ? "The provider exited successfully but printed nothing." : null;
        return new NormalizedResult(provider, model, ResultStatus.of(job.status()), verdict, rationale, risks,
                new RawJobReference(job.id(), job.correlationId()), error, warning);
    }

    /** The job's error, else for a failed job what it said (stderr, else its stdout's error), else its exit code. */
    private static String error(CliName provider, JobSnapshot job, String stdout, String stderr) {
        if (job.error() != null && !job.error().isBlank()) {
            return AnswerText.tailExcerpt(job.error(), ERROR_MAX_CHARS);
        }
        if (job.status() != JobStatus.FAILED) {
            return null;
        }
        String detail = FailureDetail.describe(provider, job.outputFormat(), stdout, stderr, null).strip();
        if (!detail.isEmpty()) {
            return AnswerText.tailExcerpt(detail, ERROR_MAX_CHARS);
        }
        return "The provider exited with code " + job.exitCode() + " and printed nothing.";
    }
}
