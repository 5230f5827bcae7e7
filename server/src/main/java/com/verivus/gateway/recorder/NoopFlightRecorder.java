package com.verivus.gateway.recorder;

import java.nio.file.Path;
import java.util.Optional;

/** The recorder when recording is disabled ({@code LLM_GATEWAY_LOGS_DB=none}) or the file cannot be opened. */
public final class NoopFlightRecorder implements FlightRecorder {

    @Override
    public void logStart(RequestStart start) {
    }

    @Override
    public void logComplete(RequestOutcome outcome) {
    }

    @Override
    public void linkAsyncJob(String requestId, String asyncJobId) {
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
