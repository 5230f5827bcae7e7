package com.verivus.gateway.recorder;

import com.verivus.gateway.provider.CliName;

/**
 * A request as it starts: the {@code requests} row (prompt as sent by the client, before any
 * optimisation) and the {@code gateway_metadata} row in status {@code started}.
 *
 * @param model the resolved model; null is recorded as {@code default} (the column is NOT NULL)
 * @param system the system prompt, or null
 * @param sessionId the caller's session id, or null
 * @param asyncJobId the job running the request when already known (async tools), else null; it can be
 *                   linked later with {@link FlightRecorder#linkAsyncJob} or {@link RequestOutcome}
 * @param workingDir the directory the CLI runs in, or null for the gateway's own
 */
public record RequestStart(String correlationId, CliName cli, String model, String prompt, String system,
                           String sessionId, String asyncJobId, String workingDir) {

    public RequestStart(String correlationId, CliName cli, String model, String prompt, String system,
                        String sessionId, String asyncJobId) {
        this(correlationId, cli, model, prompt, system, sessionId, asyncJobId, null);
    }

    public RequestStart {
        model = model == null || model.isBlank() ? "default" : model;
        prompt = prompt == null ? "" : prompt;
    }

    public RequestStart(String correlationId, CliName cli, String model, String prompt, String system,
                        String sessionId) {
        this(correlationId, cli, model, prompt, system, sessionId, null);
    }
}
