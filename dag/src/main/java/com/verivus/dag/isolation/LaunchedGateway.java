package com.verivus.dag.isolation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A gateway process this run started. Closing it stops it: SIGTERM to it and its descendants, then a
 * kill after the grace period. A JVM shutdown hook does the same if the run itself is interrupted, so
 * no gateway outlives the command that started it.
 */
final class LaunchedGateway implements AutoCloseable {

    static final long GRACE_MILLIS = 5_000;
    private static final int TAIL = 200;

    private final Process process;
    private final Deque<String> output = new ArrayDeque<>();
    private final Thread shutdownHook;
    private volatile boolean stopped;

    LaunchedGateway(Process process) {
        this.process = process;
        this.shutdownHook = new Thread(this::stopQuietly, "isolate-stop-gateway");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    boolean stopped() {
        return stopped;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    void record(String stream, String line) {
        synchronized (output) {
            output.addLast(stream + ": " + line);
            if (output.size() > TAIL) {
                output.removeFirst();
            }
        }
    }

    /** The last {@code n} lines the gateway printed, prefixed with the stream they came from. */
    List<String> tail(int n) {
        synchronized (output) {
            List<String> all = new ArrayList<>(output);
            return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
        }
    }

    /** Stops the process tree; returns a line for the evidence. */
    String stop() {
        if (stopped) {
            return "gateway pid " + process.pid() + " already stopped";
        }
        stopped = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook is what is running us
        }
        if (!process.isAlive()) {
            return "gateway pid " + process.pid() + " had already exited with code " + process.exitValue();
        }
        try {
            process.getOutputStream().close(); // a stdio server takes EOF as the client going away
        } catch (java.io.IOException e) {
            // already closed
        }
        // The command may run under `sh -c`, so the gateway can be a grandchild: stop the whole tree.
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        boolean graceful = awaitExit(tree, deadline);
        if (!graceful) {
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS));
        }
        try {
            process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS); // our own child: wait until it is reaped too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "stopped gateway pid " + process.pid() + (graceful ? " (SIGTERM)" : " (killed after "
                + GRACE_MILLIS / 1000 + " s grace)");
    }

    private static boolean awaitExit(List<ProcessHandle> tree, long deadlineNanos) {
        while (tree.stream().anyMatch(LaunchedGateway::running)) {
            if (System.nanoTime() >= deadlineNanos) {
                return false;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Alive and not a zombie. A gateway that ran as a grandchild (under {@code sh -c}) is reaped by
     * whatever adopted it, sometimes lazily; once it is a zombie it has stopped all the same.
     */
    static boolean running(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(handle.pid()), "stat"));
            int close = stat.lastIndexOf(')');
            return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) != 'Z';
        } catch (java.io.IOException | RuntimeException e) {
            return handle.isAlive(); // no /proc (not Linux) or the process just vanished
        }
    }

    private void stopQuietly() {
        if (!stopped) {
            stop();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
