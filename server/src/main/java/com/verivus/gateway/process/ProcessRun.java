package com.verivus.gateway.process;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.process.CapturedOutput.Stream;
import com.verivus.gateway.process.posix.ChildListener;
import java.nio.CharBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One started process: its output is decoded into a {@link CapturedOutput} as the child reports it
 * ({@link ChildProcess}: the pipe reactor's thread, or reader threads), its limits are watched, and {@link #finished()} completes once it has exited and its pipes are
 * drained. Monitoring starts only with {@link #start}, so the owner can record the start (pid)
 * before any output or exit can be reported.
 */
public final class ProcessRun {

    /** Told about output and limit breaches; called on the thread that read the output, or on timer-spawned virtual threads. */
    public interface Observer {
        Observer NONE = new Observer() {
        };

        /** New output was captured. Must be cheap and must not block: it runs on the thread every child's pipes are read on. */
        default void onOutput() {
        }

        /** A limit was breached; called once, before the process tree is signalled. */
        default void onBreach(LimitBreach breach) {
        }
    }

    private final ChildProcess child;
    private final RunLimits limits;
    private final CapturedOutput output;
    private final CompletableFuture<ProcessExit> finished = new CompletableFuture<>();
    private final AtomicReference<LimitBreach> breach = new AtomicReference<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean terminating = new AtomicBoolean();
    private volatile Observer observer = Observer.NONE;
    private volatile long lastOutputNanos = System.nanoTime();
    private volatile ScheduledFuture<?> idleCheck;
    private volatile ScheduledFuture<?> wallCheck;
    private volatile ScheduledFuture<?> stallCheck;
    private final RepeatWatch repeats = new RepeatWatch();

    ProcessRun(ChildProcess child, RunLimits limits) {
        this.child = child;
        this.limits = limits;
        this.output = new CapturedOutput(limits.maxOutputBytes());
    }

    public long pid() {
        return child.pid();
    }

    /** For signalling the process tree; empty when the process was gone before it could be looked up. */
    public Optional<ProcessHandle> handle() {
        return child.handle();
    }

    public CapturedOutput output() {
        return output;
    }

    /** True once the process itself has exited (its pipes may still be draining). */
    public boolean exited() {
        return !child.isAlive();
    }

    /** Completes when the process has exited and its output is complete (or the drain grace expired). */
    public CompletableFuture<ProcessExit> finished() {
        return finished;
    }

    /** Starts reading output, watching limits and waiting for the exit. Only the first call counts. */
    public ProcessRun start(Observer observer) {
        if (!started.compareAndSet(false, true)) {
            return this;
        }
        this.observer = observer == null ? Observer.NONE : observer;
        lastOutputNanos = System.nanoTime();
        if (limits.idleTimeout() != null) {
            scheduleIdleCheck(limits.idleTimeout().toNanos());
        }
        if (limits.stallTimeout() != null) {
            repeats.reset();
            scheduleStallCheck(limits.stallTimeout().toNanos());
        }
        if (limits.wallTimeout() != null) {
            wallCheck = ProcessTimers.shared().schedule(
                    () -> Thread.startVirtualThread(() -> breach(LimitBreach.WALL_TIMEOUT)),
                    limits.wallTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        child.watch(new Events(), limits.drainGrace());
        return this;
    }

    /**
     * SIGTERM to the process tree now, SIGKILL to survivors after the kill grace. Idempotent; output
     * keeps being captured until the pipes close, so nothing the process wrote while dying is lost.
     */
    public void terminate() {
        if (terminating.compareAndSet(false, true)) {
            child.handle().ifPresent(h -> ProcessTree.terminate(h, limits.killGrace()));
        }
    }

    /** Whether {@link #terminate} (or a breach) has signalled the tree. */
    public boolean terminating() {
        return terminating.get();
    }

    public LimitBreach breach() {
        return breach.get();
    }

    private void breach(LimitBreach kind) {
        // a timer that fires as the process exits on its own must not turn that exit into a kill
        boolean timer = kind != LimitBreach.OUTPUT_OVERFLOW;
        if (finished.isDone() || (timer && !child.isAlive()) || !breach.compareAndSet(null, kind)) {
            return;
        }
        try {
            observer.onBreach(kind);
        } catch (RuntimeException e) {
            GatewayLog.error("process observer failed on " + kind, e);
        }
        terminate();
    }

    private void scheduleIdleCheck(long delayNanos) {
        idleCheck = ProcessTimers.shared().schedule(this::checkIdle, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkIdle() {
        if (finished.isDone() || breach.get() != null) {
            return;
        }
        long idleNanos = limits.idleTimeout().toNanos();
        long quiet = System.nanoTime() - lastOutputNanos;
        if (quiet >= idleNanos) {
            Thread.startVirtualThread(() -> breach(LimitBreach.IDLE_TIMEOUT));
        } else {
            scheduleIdleCheck(idleNanos - quiet);
        }
    }

    /** The line a stalled run kept printing (for the error), or null. */
    public String repeatedLine() {
        return repeats.repeatedLine();
    }

    private void scheduleStallCheck(long delayNanos) {
        stallCheck = ProcessTimers.shared().schedule(this::checkStall, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkStall() {
        if (finished.isDone() || breach.get() != null) {
            return;
        }
        long stallNanos = limits.stallTimeout().toNanos();
        long still = System.nanoTime() - repeats.lastProgressNanos();
        // a run that is merely quiet is the idle timeout's business: a stall is repeating itself right now
        boolean repeating = repeats.repeatedLine() != null
                && System.nanoTime() - repeats.lastRepeatNanos() < stallNanos;
        if (still >= stallNanos && repeating) {
            Thread.startVirtualThread(() -> breach(LimitBreach.STALLED));
        } else {
            scheduleStallCheck(Math.max(stallNanos - still, stallNanos / 10));
        }
    }

    /** What the child reports, on the reactor thread or on its reader threads: one stream is never reported on two threads at once. */
    private final class Events implements ChildListener {

        private final StreamState stdout = new StreamState(Stream.STDOUT);
        private final StreamState stderr = new StreamState(Stream.STDERR);
        private Integer exitCode;

        @Override
        public void output(int stream, byte[] bytes, int length) {
            state(stream).output(bytes, length);
        }

        @Override
        public void end(int stream, boolean cut) {
            StreamState s = state(stream);
            if (s.end(cut)) {
                settle();
            }
        }

        @Override
        public void exited(int code) {
            cancelTimers();
            synchronized (this) {
                exitCode = code;
            }
            settle();
        }

        private synchronized void settle() {
            if (exitCode != null && stdout.ended && stderr.ended) {
                if (stdout.cut || stderr.cut) {
                    GatewayLog.debug("process " + pid() + " exited but a descendant still holds its output open; "
                            + "finishing without the rest");
                }
                finished.complete(new ProcessExit(exitCode, breach.get()));
            }
        }

        private StreamState state(int stream) {
            return stream == ChildListener.STDOUT ? stdout : stderr;
        }
    }

    /** One stream's decoding, and whether it overflowed the output cap or ended. */
    private final class StreamState {
        private final Stream stream;
        private final StreamDecoder decoder = new StreamDecoder();
        private boolean dropping;
        private volatile boolean ended;
        private volatile boolean cut;

        StreamState(Stream stream) {
            this.stream = stream;
        }

        void output(byte[] bytes, int length) {
            lastOutputNanos = System.nanoTime();
            if (dropping || !output.admit(length)) {
                if (!dropping) {
                    dropping = true;
                    Thread.startVirtualThread(() -> breach(LimitBreach.OUTPUT_OVERFLOW));
                }
                return; // keep draining so the process is never blocked on a full pipe
            }
            decoder.decode(bytes, length, this::append);
            observer.onOutput();
        }

        /** True the first time the stream ends. */
        synchronized boolean end(boolean wasCut) {
            if (ended) {
                return false;
            }
            if (!dropping && !wasCut) {
                decoder.finish(this::append);
                observer.onOutput();
            }
            cut = wasCut;
            ended = true;
            return true;
        }

        private void append(CharBuffer chars) {
            if (limits.stallTimeout() != null) {
                repeats.feed(stream, chars);
            }
            output.append(stream, chars);
        }
    }

    private void cancelTimers() {
        ScheduledFuture<?> idle = idleCheck;
        if (idle != null) {
            idle.cancel(false);
        }
        ScheduledFuture<?> wall = wallCheck;
        if (wall != null) {
            wall.cancel(false);
        }
        ScheduledFuture<?> stall = stallCheck;
        if (stall != null) {
            stall.cancel(false);
        }
    }
}
