package com.verivus.gateway.process;

/**
 * Why a process could not be started.
 *
 * @param missingBinary true when the executable is not on the PATH (ENOENT): exit code 127; else 126
 * @param detail what Node's spawn error says, e.g. {@code spawn vibe ENOENT} or {@code spawn /x/claude EACCES}
 */
public record LaunchFailure(boolean missingBinary, String detail) {

    public int exitCode() {
        return missingBinary ? 127 : 126;
    }
}
