package com.verivus.gateway.recorder;

import com.verivus.gateway.provider.CliName;

/**
 * A request as it starts: the {@code requests} row (prompt as sent by the client, before any
 * optimisation) and the {@code gateway_metadata} row in status {@code started}.
 *
 * @param requestId the row's own id, unique per request ({@code requests.id}, {@code gateway_metadata.request_id});
 *                  the outcome and the job link find the row by it
 * @param model the resolved model; null is recorded as {@code default} (the column is NOT NULL)
 * @param system the system prompt, or null
 * @param sessionId the caller's session id, or null
 * @param asyncJobId the job running the request when already known (async tools), else null; it can be
 *                   linked later with {@link FlightRecorder#linkAsyncJob} or {@link RequestOutcome}
 * @param correlationId the caller's correlation id ({@code requests.correlation_id}): a label several
 *                      requests may share, never a key; null = the request id
 * @param workingDir the directory the CLI runs in, or null for the gateway's own
 */
public record RequestStart(String requestId, CliName cli, String model, String prompt, String system,
                           String sessionId, String asyncJobId, String correlationId, String workingDir) {

    public RequestStart {
        model = model == null || model.isBlank() ? "default" : model;
        prompt = prompt == null ? "" : prompt;
        correlationId = correlationId == null ? requestId : correlationId;
    }

    /** A request run in the gateway's own directory. */
    public RequestStart(String requestId, CliName cli, String model, String prompt, String system,
                        String sessionId, String asyncJobId, String correlationId) {
        this(requestId, cli, model, prompt, system, sessionId, asyncJobId, correlationId, null);
    }

    /** A request whose row id is also its correlation id (rows written before ids were separate look so). */
    public RequestStart(String requestId, CliName cli, String model, String prompt, String system,
                        String sessionId, String asyncJobId) {
        this(requestId, cli, model, prompt, system, sessionId, asyncJobId, null, null);
    }

    public RequestStart(String requestId, CliName cli, String model, String prompt, String system,
                        String sessionId) {
        this(requestId, cli, model, prompt, system, sessionId, null, null, null);
    }
}
