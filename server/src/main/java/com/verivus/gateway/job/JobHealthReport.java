package com.verivus.gateway.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job part of {@code llm_process_health}: counts of running jobs, of running jobs whose process
 * is gone (dead) or a zombie, and one entry per running job.
 */
public record JobHealthReport(int runningJobs, int deadJobs, int zombieJobs, List<JobHealth> jobs) {

    public static final JobHealthReport EMPTY = new JobHealthReport(0, 0, 0, List.of());

    public JobHealthReport {
        jobs = List.copyOf(jobs);
    }

    /** {@code {runningJobs, deadJobs, zombieJobs, jobs:[...]}}; the tool adds success and persistence. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runningJobs", runningJobs);
        m.put("deadJobs", deadJobs);
        m.put("zombieJobs", zombieJobs);
        m.put("jobs", jobs.stream().map(JobHealth::toMap).toList());
        return m;
    }
}
