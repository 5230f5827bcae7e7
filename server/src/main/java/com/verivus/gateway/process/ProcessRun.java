package com.verivus.gateway.process;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.process.CapturedOutput.Stream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One started process: its output is read on two virtual threads into a {@link CapturedOutput},
 * its limits are watched, and {@link #finished()} completes once it has exited and its pipes are
 * drained. Monitoring starts only with {@link #start}, so the owner can record the start (pid)
 * before any output or exit can be reported.
 */
public final class ProcessRun {

    /** Told about output and limit breaches; called on reader or timer-spawned virtual threads. */
    public interface Observer {
        Observer NONE = new Observer() {
        };

        /** New output was captured. Must be cheap: it runs on a reader thread. */
        default void onOutput() {
        }

        /** A limit was breached; called once, before the process tree is signalled. */
        default void onBreach(LimitBreach breach) {
        }
    }

    private final Process process;
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

    ProcessRun(Process process, RunLimits limits) {
        this.process = process;
        this.limits = limits;
        this.output = new CapturedOutput(limits.maxOutputBytes());
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public CapturedOutput output() {
        return output;
    }

    /** True once the process itself has exited (its pipes may still be draining). */
    public boolean exited() {
        return !process.isAlive();
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
        Thread out = Thread.ofVirtual().name("proc-" + pid() + "-stdout").start(
                () -> pump(process.getInputStream(), Stream.STDOUT));
        Thread err = Thread.ofVirtual().name("proc-" + pid() + "-stderr").start(
                () -> pump(process.getErrorStream(), Stream.STDERR));
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
        Thread.ofVirtual().name("proc-" + pid() + "-wait").start(() -> awaitExit(out, err));
        return this;
    }

    /**
     * SIGTERM to the process tree now, SIGKILL to survivors after the kill grace. Idempotent; output
     * keeps being captured until the pipes close, so nothing the process wrote while dying is lost.
     */
    public void terminate() {
        if (terminating.compareAndSet(false, true)) {
            ProcessTree.terminate(process.toHandle(), limits.killGrace());
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
        if (finished.isDone() || (timer && !process.isAlive()) || !breach.compareAndSet(null, kind)) {
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

    private void pump(InputStream in, Stream stream) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        byte[] buf = new byte[8192];
        ByteBuffer pending = ByteBuffer.allocate(buf.length + 8);
        CharBuffer chars = CharBuffer.allocate(buf.length + 8);
        boolean dropping = false;
        try (in) {
            int n;
            while ((n = in.read(buf)) != -1) {
                if (n == 0) {
                    continue;
                }
                lastOutputNanos = System.nanoTime();
                if (dropping || !output.admit(n)) {
                    if (!dropping) {
                        dropping = true;
                        Thread.startVirtualThread(() -> breach(LimitBreach.OUTPUT_OVERFLOW));
                    }
                    continue; // keep draining so the process is never blocked on a full pipe
                }
                pending.put(buf, 0, n);
                pending.flip();
                decode(decoder, pending, chars, stream, false);
                pending.compact();
                observer.onOutput();
            }
        } catch (IOException e) {
            // the stream was closed under us: the process is gone
        }
        if (!dropping) {
            pending.flip();
            decode(decoder, pending, chars, stream, true);
            decoder.flush(chars);
            chars.flip();
            output.append(stream, chars);
            chars.clear();
            observer.onOutput();
        }
    }

    private void decode(CharsetDecoder decoder, ByteBuffer in, CharBuffer chars, Stream stream, boolean eof) {
        while (true) {
            CoderResult result = decoder.decode(in, chars, eof);
            chars.flip();
            if (limits.stallTimeout() != null) {
                repeats.feed(stream, chars);
            }
            output.append(stream, chars);
            chars.clear();
            if (result.isUnderflow()) {
                return;
            }
        }
    }

    private void awaitExit(Thread out, Thread err) {
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        cancelTimers();
        try {
            long deadline = System.nanoTime() + limits.drainGrace().toNanos();
            out.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            err.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (out.isAlive() || err.isAlive()) {
            GatewayLog.debug("process " + pid() + " exited but a descendant still holds its output open; "
                    + "finishing without the rest");
        }
        finished.complete(new ProcessExit(code, breach.get()));
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
