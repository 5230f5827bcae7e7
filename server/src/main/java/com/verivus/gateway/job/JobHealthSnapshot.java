package com.verivus.gateway.job;

import java.util.List;
import java.util.Map;

/**
 * The job part of {@code llm_process_health}: counts of running jobs, of running jobs whose process
 * is gone (dead) or a zombie, and one entry per running job ({@code jobId, cli, status,
 * processHealth, isDead, isZombie, runningForMs}, in that key order).
 */
public record JobHealthSnapshot(int runningJobs, int deadJobs, int zombieJobs, List<Map<String, Object>> jobs) {

    public static final JobHealthSnapshot EMPTY = new JobHealthSnapshot(0, 0, 0, List.of());

    public JobHealthSnapshot {
        jobs = List.copyOf(jobs);
    }
}
