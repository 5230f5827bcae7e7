package com.verivus.gateway.job;

import com.verivus.gateway.process.ProcessHealth;
import com.verivus.gateway.json.IsoTimestamps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of one running job for llm_process_health.
 *
 * @param processHealth null when the job has no pid
 * @param isDead running but the process is gone
 * @param isZombie running and the process is a zombie (state Z)
 */
public record JobHealth(String jobId, String cli, String status, ProcessHealth processHealth, boolean isDead,
                        boolean isZombie, long runningForMs) {

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", jobId);
        m.put("cli", cli);
        m.put("status", status);
        if (processHealth == null) {
            m.put("processHealth", null);
        } else {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pid", processHealth.pid());
            p.put("alive", processHealth.alive());
            p.put("state", processHealth.state());
            p.put("cpuPercent", processHealth.cpuPercent());
            p.put("memoryRssKb", processHealth.memoryRssKb());
            p.put("sampledAt", IsoTimestamps.format(processHealth.sampledAt()));
            m.put("processHealth", p);
        }
        m.put("isDead", isDead);
        m.put("isZombie", isZombie);
        m.put("runningForMs", runningForMs);
        return m;
    }
}
