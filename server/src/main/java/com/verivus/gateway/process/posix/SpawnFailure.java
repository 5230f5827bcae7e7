package com.verivus.gateway.process.posix;

/** posix_spawn (or a call it needs) failed with {@link #errno}; nothing was started. */
public final class SpawnFailure extends Exception {

    private final int errno;

    SpawnFailure(String call, int errno) {
        super(call + " failed: error=" + errno);
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
