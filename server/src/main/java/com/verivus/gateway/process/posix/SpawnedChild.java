package com.verivus.gateway.process.posix;

/**
 * A child started by {@link PosixSpawn}: its pid, a pidfd that becomes readable when it exits, and the
 * parent's (non-blocking) read ends of its stdout and stderr pipes. {@link PipeReactor#watch} takes
 * ownership of the three descriptors and closes them.
 */
public record SpawnedChild(long pid, int pidFd, int stdoutFd, int stderrFd) {
}
