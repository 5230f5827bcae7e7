package com.verivus.gateway.process.posix;

/**
 * What {@link PipeReactor} reports about one child, always on the reactor's thread: output as it is
 * read, the end of each stream, and the exit. Implementations must be quick and must not block: one
 * thread serves every child.
 */
public interface ChildListener {

    int STDOUT = 1;
    int STDERR = 2;

    /** {@code length} bytes of {@code stream} in {@code bytes}; the array is reused once this returns. */
    void output(int stream, byte[] bytes, int length);

    /** {@code stream} is at its end; {@code cut} when it was abandoned open (a descendant still holds it) after the exit. */
    void end(int stream, boolean cut);

    /** The child exited: its exit status, or 128 + the signal that killed it. */
    void exited(int exitCode);
}
