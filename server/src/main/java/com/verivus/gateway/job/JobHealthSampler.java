package com.verivus.gateway.job;

import com.verivus.gateway.json.IsoTimestamps;
import com.verivus.gateway.process.ProcessHealth;
import com.verivus.gateway.process.ProcessSampler;
import com.verivus.gateway.store.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Samples /proc for the running jobs of one engine (llm_process_health). One instance per engine: the
 * CPU share of a process is the change since the previous sample, so the sampler keeps the last one.
 */
public final class JobHealthSampler implements JobHealthSource {

    private final JobEngine engine;
    private final Clock clock;
    private final ProcessSampler sampler;

    public JobHealthSampler(JobEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
        this.sampler = new ProcessSampler(clock);
    }

    @Override
    public synchronized JobHealthReport health() {
        Instant now = IsoTimestamps.millis(clock.instant()); // as startedAt: whole milliseconds
        List<LiveJob> running = engine.running();
        List<JobHealth> health = new ArrayList<>();
        Set<Long> pids = new HashSet<>();
        int dead = 0;
        int zombies = 0;
        for (LiveJob job : running) {
            Long pid = job.pid();
            ProcessHealth ph = null;
            if (pid != null) {
                pids.add(pid);
                ph = sampler.sample(pid);
            }
            boolean isDead = ph != null && !ph.alive();
            boolean isZombie = ph != null && "Z".equals(ph.state());
            dead += isDead ? 1 : 0;
            zombies += isZombie ? 1 : 0;
            health.add(new JobHealth(job.id, job.cli, JobStatus.RUNNING.key(), ph, isDead, isZombie,
                    Math.max(0, Duration.between(job.startedAt, now).toMillis())));
        }
        sampler.retain(pids); // forget processes that are gone, so their samples do not pile up
        return new JobHealthReport(running.size(), dead, zombies, health);
    }
}
