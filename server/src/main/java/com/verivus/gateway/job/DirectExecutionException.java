package com.verivus.gateway.job;

/**
 * A direct run produced no result: the binary is missing or could not be launched (the message then
 * contains {@code spawn <bin> ENOENT} or the like, wrapped as "[CircuitBreaker] Operation failed with
 * non-transient error: …"), the output exceeded 50 MB ("Output exceeded maximum size (50MB)"), or the
 * circuit is open.
 */
public final class DirectExecutionException extends Exception {

    private final DirectResult result;

    DirectExecutionException(String message, DirectResult result) {
        super(message);
        this.result = result;
    }

    /** The last attempt's result when there was one (the caller may prefer it to the message). */
    public DirectResult result() {
        return result;
    }
}
