package com.verivus.gateway.recorder;

import java.util.List;

/**
 * The final outcome of a recorded request: the rest of its {@code requests} row and of its
 * {@code gateway_metadata} row, found by the row id {@link RequestStart#requestId()} gave it. Built with
 * {@link #builder}; every field but the request id and the status is optional (null is stored as NULL). An outcome without either is logged and ignored by the
 * recorder, never thrown back.
 *
 * @param thinkingBlocks stored as a JSON array, capped at {@link ThinkingBlocks#MAX_BYTES}
 * @param asyncJobId the job that ran the request, when not linked before; null keeps the stored value
 */
public record RequestOutcome(String requestId, RequestStatus status, String response, Long durationMs,
                             Long inputTokens, Long outputTokens, Long cacheReadTokens, Long cacheCreationTokens,
                             Double costUsd, int retryCount, String circuitBreakerState, String approvalDecision,
                             boolean optimizationApplied, List<String> thinkingBlocks, Integer exitCode,
                             String errorMessage, String asyncJobId) {

    public RequestOutcome {
        thinkingBlocks = thinkingBlocks == null ? null : List.copyOf(thinkingBlocks);
    }

    public static Builder builder(String requestId, RequestStatus status) {
        return new Builder(requestId, status);
    }

    public static Builder completed(String requestId) {
        return builder(requestId, RequestStatus.COMPLETED);
    }

    public static Builder failed(String requestId) {
        return builder(requestId, RequestStatus.FAILED);
    }

    /** Builds an outcome; the circuit-breaker state defaults to {@code closed}, the retry count to 0. */
    public static final class Builder {
        private final String requestId;
        private final RequestStatus status;
        private String response;
        private Long durationMs;
        private Long inputTokens;
        private Long outputTokens;
        private Long cacheReadTokens;
        private Long cacheCreationTokens;
        private Double costUsd;
        private int retryCount;
        private String circuitBreakerState = "closed";
        private String approvalDecision;
        private boolean optimizationApplied;
        private List<String> thinkingBlocks;
        private Integer exitCode;
        private String errorMessage;
        private String asyncJobId;

        private Builder(String requestId, RequestStatus status) {
            this.requestId = requestId;
            this.status = status;
        }

        public Builder response(String response) {
            this.response = response;
            return this;
        }

        public Builder durationMs(long durationMs) {
            this.durationMs = durationMs;
            return this;
        }

        /** Token counts as the CLI reported them; null for counts it did not report. */
        public Builder tokens(Long input, Long output, Long cacheRead, Long cacheCreation) {
            this.inputTokens = input;
            this.outputTokens = output;
            this.cacheReadTokens = cacheRead;
            this.cacheCreationTokens = cacheCreation;
            return this;
        }

        public Builder costUsd(Double costUsd) {
            this.costUsd = costUsd;
            return this;
        }

        public Builder retryCount(int retryCount) {
            this.retryCount = retryCount;
            return this;
        }

        public Builder circuitBreakerState(String state) {
            this.circuitBreakerState = state;
            return this;
        }

        /** The approval gate's status (approved / denied), or null when no decision was made. */
        public Builder approvalDecision(String decision) {
            this.approvalDecision = decision;
            return this;
        }

        public Builder optimizationApplied(boolean applied) {
            this.optimizationApplied = applied;
            return this;
        }

        public Builder thinkingBlocks(List<String> blocks) {
            this.thinkingBlocks = blocks;
            return this;
        }

        public Builder exitCode(Integer exitCode) {
            this.exitCode = exitCode;
            return this;
        }

        public Builder errorMessage(String errorMessage) {
            this.errorMessage = errorMessage;
            return this;
        }

        public Builder asyncJobId(String asyncJobId) {
            this.asyncJobId = asyncJobId;
            return this;
        }

        public RequestOutcome build() {
            return new RequestOutcome(requestId, status, response, durationMs, inputTokens, outputTokens,
                    cacheReadTokens, cacheCreationTokens, costUsd, retryCount, circuitBreakerState, approvalDecision,
                    optimizationApplied, thinkingBlocks, exitCode, errorMessage, asyncJobId);
        }
    }
}
