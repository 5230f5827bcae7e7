package com.verivus.gateway.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The console's view of the job engine: JSON-ready maps, so the console needs no engine types. */
public interface JobSource {

    /** Running and recent jobs, newest first: id, cli, model, status, startedAt, finishedAt, durationMs, exitCode. */
    List<Map<String, Object>> list();

    /**
     * One page of a job's stdout and stderr from the given offsets (the paging of {@code llm_job_result});
     * empty when there is no such job.
     */
    Optional<Map<String, Object>> page(String jobId, long stdoutOffset, long stderrOffset, int maxChars);

    /** Cancels the job the way {@code llm_job_cancel} does: {success, jobId, [reason]}. */
    Map<String, Object> cancel(String jobId);
}
