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
     * Written out, field by field: the generated equals and hashCode are bootstrapped on first use (~8 ms of
     * method handles spun at run time), and the runtime compares two of these while it starts.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PollTools that && Objects.equals(pollWith, that.pollWith)
                && Objects.equals(fetchWith, that.fetchWith) && Objects.equals(cancelWith, that.cancelWith);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pollWith, fetchWith, cancelWith);
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
