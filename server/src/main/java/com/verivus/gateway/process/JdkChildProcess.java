package com.verivus.gateway.process;

import com.verivus.gateway.process.posix.ChildListener;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * A child started by the JDK's ProcessBuilder (where posix_spawn is unavailable, or for a script the
 * kernel cannot exec, which the JDK runs through /bin/sh): each pipe is read on its own virtual thread
 * and a third waits for the exit.
 */
final class JdkChildProcess implements ChildProcess {

    private final Process process;

    JdkChildProcess(Process process) {
        this.process = process;
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Optional<ProcessHandle> handle() {
        return Optional.of(process.toHandle());
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void watch(ChildListener listener, Duration drainGrace) {
        Thread out = Thread.ofVirtual().name("proc-" + pid() + "-stdout").start(
                () -> pump(process.getInputStream(), ChildListener.STDOUT, listener));
        Thread err = Thread.ofVirtual().name("proc-" + pid() + "-stderr").start(
                () -> pump(process.getErrorStream(), ChildListener.STDERR, listener));
        Thread.ofVirtual().name("proc-" + pid() + "-wait").start(() -> awaitExit(out, err, listener, drainGrace));
    }

    private static void pump(InputStream in, int stream, ChildListener listener) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) != -1) {
                if (n > 0) {
                    listener.output(stream, buf, n);
                }
            }
        } catch (IOException e) {
            // the stream was closed under us: the process is gone
        }
        listener.end(stream, false);
    }

    private void awaitExit(Thread out, Thread err, ChildListener listener, Duration drainGrace) {
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        listener.exited(code);
        try {
            long deadline = System.nanoTime() + drainGrace.toNanos();
            out.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            err.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (out.isAlive()) {
            listener.end(ChildListener.STDOUT, true);
        }
        if (err.isAlive()) {
            listener.end(ChildListener.STDERR, true);
        }
    }
}
