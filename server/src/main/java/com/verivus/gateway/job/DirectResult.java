package com.verivus.gateway.job;

/**
 * What a direct run returns: the output and exit code of the last attempt (code 124 after a wall
 * timeout, 125 after an idle timeout, with the reason appended to stderr as the Node gateway does).
 *
 * @param attempts how many times the CLI was run (more than one only after wall timeouts)
 */
public record DirectResult(String stdout, String stderr, int code, int attempts, long durationMs) {
}
