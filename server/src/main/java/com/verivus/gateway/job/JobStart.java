package com.verivus.gateway.job;

/**
 * What {@link JobEngine#start} did: started a new job, or found a running or completed identical one
 * inside the dedup window.
 *
 * @param originalCorrelationId the reused job's correlation id when deduped, else null
 */
public record JobStart(JobSnapshot job, boolean deduped, String originalCorrelationId) {
}
