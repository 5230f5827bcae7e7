package com.verivus.gateway.mcp.resources;

import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.ToolResults;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * metrics://process-health: the health of running jobs ({@code runningJobs, deadJobs, zombieJobs,
 * jobs}), sampled afresh on every read. Served on every transport (the Node gateway had it on stdio
 * only).
 */
public final class ProcessHealthResource implements GatewayResource {

    private final Supplier<Map<String, Object>> jobHealth;

    /** @param jobHealth the job engine's health document, without llm_process_health's success/persistence */
    public ProcessHealthResource(Supplier<Map<String, Object>> jobHealth) {
        this.jobHealth = Objects.requireNonNull(jobHealth, "jobHealth");
    }

    @Override
    public String uri() {
        return "metrics://process-health";
    }

    @Override
    public String name() {
        return "process-health";
    }

    @Override
    public String title() {
        return "Process Health";
    }

    @Override
    public String description() {
        return "Running CLI jobs of this gateway: how many are running, dead or zombie, and per job its pid "
                + "liveness, process state, CPU and memory, and how long it has run.";
    }

    @Override
    public String read() {
        return ToolResults.pretty(jobHealth.get());
    }
}
