package com.verivus.gateway.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where a provider's raw output is: its job, read with job_status and job_result (which also
 * work without the async llm_job_* tools), and the run's correlation id, under which the flight
 * recorder holds the run (llm_request_result). The correlation id is the run's own even when its
 * job was reused through dedup from an identical earlier request.
 */
public record RawJobReference(String jobId, String correlationId) {

    public static final String STATUS_TOOL = "job_status";
    public static final String RESULT_TOOL = "job_result";

    public RawJobReference {
        Objects.requireNonNull(jobId, "jobId");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", jobId);
        m.put("correlationId", correlationId);
        m.put("statusTool", STATUS_TOOL);
        m.put("resultTool", RESULT_TOOL);
        return m;
    }
}
