package com.verivus.gateway.process;

import com.verivus.gateway.process.posix.ChildListener;
import java.time.Duration;
import java.util.Optional;

/**
 * A started CLI process, however it was spawned: {@link PosixChildProcess} (posix_spawn, watched by the
 * one {@link com.verivus.gateway.process.posix.PipeReactor} thread) or {@link JdkChildProcess} (the JDK's
 * Process, read by threads, where posix_spawn is unavailable).
 */
sealed interface ChildProcess permits PosixChildProcess, JdkChildProcess {

    long pid();

    /** For signalling the process tree; empty when the process was already gone when it was looked up. */
    Optional<ProcessHandle> handle();

    boolean isAlive();

    /**
     * Starts reporting output, the streams' ends and the exit to {@code listener}. After the exit the pipes
     * get {@code drainGrace} to end; one still open then is reported as cut. Call once.
     */
    void watch(ChildListener listener, Duration drainGrace);
}
