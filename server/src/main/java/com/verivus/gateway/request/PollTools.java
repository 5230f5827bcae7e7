package com.verivus.gateway.request;

import java.util.Collection;
import java.util.Objects;

/**
 * The tools a deferred reply tells the client to poll, fetch and cancel with: only tools that exist
 * on this gateway (the Node gateway always names llm_job_*, even when they are not registered).
 *
 * @param pollWith null when the gateway has no status tool
 * @param fetchWith null when the gateway has no result tool
 * @param cancelWith null when the gateway has no cancel tool
 */
public record PollTools(String pollWith, String fetchWith, String cancelWith) {

    public static final PollTools NONE = new PollTools(null, null, null);

    /**
     * The tools a gateway registers: llm_job_* with the async job tools, else the validation tools'
     * job_status / job_result (always registered). Known before any tool is built.
     */
    public static PollTools registered(boolean asyncJobTools) {
        return asyncJobTools ? new PollTools("llm_job_status", "llm_job_result", "llm_job_cancel")
                : new PollTools("job_status", "job_result", null);
    }

    /**
     * Field by field: the record's generated equals is bootstrapped on first use (~8 ms of method handles
     * spun at run time), which the runtime's start-up check need not pay.
     */
    public boolean sameAs(PollTools other) {
        return Objects.equals(pollWith, other.pollWith) && Objects.equals(fetchWith, other.fetchWith)
                && Objects.equals(cancelWith, other.cancelWith);
    }

    /** llm_job_* when registered (async jobs enabled), else the validation tools' job_status / job_result. */
    public static PollTools from(Collection<String> registeredTools) {
        if (registeredTools.contains("llm_job_status") && registeredTools.contains("llm_job_result")) {
            return new PollTools("llm_job_status", "llm_job_result",
                    registeredTools.contains("llm_job_cancel") ? "llm_job_cancel" : null);
        }
        if (registeredTools.contains("job_status") && registeredTools.contains("job_result")) {
            return new PollTools("job_status", "job_result", null);
        }
        return NONE;
    }
}
