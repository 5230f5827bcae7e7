package com.verivus.gateway.process.posix;

import com.verivus.gateway.log.GatewayLog;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One platform thread that waits (epoll) on the output pipes and the pidfds of every child started by
 * {@link PosixSpawn}, reads what is ready and reports it to each child's {@link ChildListener}. With
 * the JDK's Process, each running child holds a reaper thread and, for its two blocking pipe reads, two
 * carrier threads; 200 concurrent jobs meant ~450 threads and their stacks. Here they mean this one.
 *
 * <p>Once a child has exited, its pipes still get {@code drainGraceMillis} to reach their end (what it
 * wrote just before exiting); a pipe still open after that (a descendant inherited it) is closed and
 * reported as cut.
 */
public final class PipeReactor {

    private static final int MAX_EVENTS = 64;
    private static final int READ_SIZE = 64 * 1024;
    private static final long KIND_SHIFT = 32;
    private static final long EXIT = 0;

    private static volatile PipeReactor shared;

    private final int epollFd;
    private final Map<Integer, Child> byFd = new ConcurrentHashMap<>();
    /** Exited children whose pipes are still open, each until its drain deadline (reactor thread only). */
    private final Set<Child> draining = new HashSet<>();
    private final Arena arena = Arena.ofShared();
    private final MemorySegment state = Libc.callState(arena);
    private final MemorySegment events = arena.allocate(Libc.EPOLL_EVENT, MAX_EVENTS);
    private final MemorySegment readBuffer = arena.allocate(READ_SIZE);
    private final MemorySegment registration = arena.allocate(Libc.EPOLL_EVENT);
    private final MemorySegment registrationState = Libc.callState(arena);
    private final MemorySegment siginfo = arena.allocate(Libc.SIGINFO_SIZE, 8);
    private final byte[] chunk = new byte[READ_SIZE];

    private PipeReactor() throws SpawnFailure {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment s = Libc.callState(call);
            int fd = Libc.epollCreate1(s, Libc.O_CLOEXEC);
            if (fd < 0) {
                throw new SpawnFailure("epoll_create1", Libc.errno(s));
            }
            this.epollFd = fd;
        }
        Thread.ofPlatform().daemon().name("process-pipes").start(this::run);
    }

    /** The gateway's reactor, started on first use. */
    public static PipeReactor shared() throws SpawnFailure {
        PipeReactor r = shared;
        if (r == null) {
            synchronized (PipeReactor.class) {
                r = shared;
                if (r == null) {
                    r = new PipeReactor();
                    shared = r;
                }
            }
        }
        return r;
    }

    /** Starts reporting on {@code child}'s pipes and exit to {@code listener}; takes over its descriptors. */
    public void watch(SpawnedChild child, ChildListener listener, long drainGraceMillis) {
        Child c = new Child(child, listener, drainGraceMillis);
        byFd.put(child.stdoutFd(), c);
        byFd.put(child.stderrFd(), c);
        byFd.put(child.pidFd(), c);
        synchronized (registration) {
            add(child.stdoutFd(), ChildListener.STDOUT);
            add(child.stderrFd(), ChildListener.STDERR);
            add(child.pidFd(), EXIT);
        }
    }

    private void add(int fd, long kind) {
        Libc.EVENT_EVENTS.set(registration, 0L, Libc.EPOLLIN);
        Libc.EVENT_DATA.set(registration, 0L, (kind << KIND_SHIFT) | fd);
        int rc = Libc.epollCtl(registrationState, epollFd, Libc.EPOLL_CTL_ADD, fd, registration);
        if (rc != 0) {
            throw new IllegalStateException("epoll_ctl ADD failed for fd " + fd + ": errno " + Libc.errno(registrationState));
        }
    }

    private void run() {
        while (true) {
            int n = Libc.epollWait(state, epollFd, events, MAX_EVENTS, nextTimeoutMillis());
            if (n < 0) {
                if (Libc.errno(state) == Libc.EINTR) {
                    continue;
                }
                throw new IllegalStateException("epoll_wait failed: errno " + Libc.errno(state));
            }
            for (int i = 0; i < n; i++) {
                MemorySegment event = events.asSlice(i * Libc.EPOLL_EVENT.byteSize(), Libc.EPOLL_EVENT.byteSize());
                long data = (long) Libc.EVENT_DATA.get(event, 0L);
                int fd = (int) data;
                int kind = (int) (data >>> KIND_SHIFT);
                Child c = byFd.get(fd);
                if (c == null) {
                    continue; // closed earlier in this batch
                }
                try {
                    if (kind == EXIT) {
                        c.reap();
                    } else {
                        c.drain(fd, kind);
                    }
                } catch (RuntimeException e) {
                    // one child's trouble must not stop the thread every other child depends on
                    GatewayLog.error("process " + c.child.pid() + ": watching it failed", e);
                    c.abandon();
                }
            }
            cutExpiredDrains();
        }
    }

    /** -1 (wait for ever) unless an exited child's drain grace runs out sooner. */
    private int nextTimeoutMillis() {
        long now = System.nanoTime();
        long soonest = Long.MAX_VALUE;
        for (Child c : draining) {
            soonest = Math.min(soonest, c.drainDeadline - now);
        }
        return soonest == Long.MAX_VALUE ? -1 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, soonest / 1_000_000 + 1));
    }

    private void cutExpiredDrains() {
        long now = System.nanoTime();
        for (Child c : List.copyOf(draining)) { // cut() leaves the set
            if (now - c.drainDeadline >= 0) {
                c.cut();
            }
        }
    }

    private void remove(int fd) {
        byFd.remove(fd);
        Libc.epollCtl(state, epollFd, Libc.EPOLL_CTL_DEL, fd, MemorySegment.NULL);
        Libc.close(state, fd);
    }

    /** One watched child; touched only on the reactor thread once registered. */
    private final class Child {
        final SpawnedChild child;
        final ChildListener listener;
        final long drainGraceNanos;
        boolean stdoutOpen = true;
        boolean stderrOpen = true;
        boolean exitReported;
        long drainDeadline; // while in {@code draining}

        Child(SpawnedChild child, ChildListener listener, long drainGraceMillis) {
            this.child = child;
            this.listener = listener;
            this.drainGraceNanos = drainGraceMillis * 1_000_000;
        }

        /** One read (level-triggered: what is left is reported again by the next epoll_wait). */
        void drain(int fd, int stream) {
            long n = Libc.read(state, fd, readBuffer, READ_SIZE);
            if (n > 0) {
                MemorySegment.copy(readBuffer, ValueLayout.JAVA_BYTE, 0, chunk, 0, (int) n);
                report(() -> listener.output(stream, chunk, (int) n));
                return;
            }
            if (n < 0) {
                int errno = Libc.errno(state);
                if (errno == Libc.EAGAIN || errno == Libc.EINTR) {
                    return;
                }
            }
            ended(stream, false); // end of stream, or a read error: either way nothing more comes
        }

        void ended(int stream, boolean cut) {
            if (stream == ChildListener.STDOUT && stdoutOpen) {
                stdoutOpen = false;
                remove(child.stdoutFd());
            } else if (stream == ChildListener.STDERR && stderrOpen) {
                stderrOpen = false;
                remove(child.stderrFd());
            } else {
                return;
            }
            report(() -> listener.end(stream, cut));
            if (!stdoutOpen && !stderrOpen) {
                draining.remove(this);
            }
        }

        void reap() {
            int code;
            int rc = Libc.waitid(state, Libc.P_PIDFD, child.pidFd(), siginfo, Libc.WEXITED);
            if (rc != 0) {
                if (Libc.errno(state) == Libc.EINTR) {
                    return; // still readable: the next epoll_wait reports it again
                }
                code = -1; // reaped by someone else: the status is lost
            } else {
                int how = siginfo.get(ValueLayout.JAVA_INT, Libc.SIGINFO_CODE_OFFSET);
                int status = siginfo.get(ValueLayout.JAVA_INT, Libc.SIGINFO_STATUS_OFFSET);
                code = how == Libc.CLD_EXITED ? status : 128 + status;
            }
            remove(child.pidFd());
            exitReported = true;
            if (stdoutOpen || stderrOpen) {
                drainDeadline = System.nanoTime() + drainGraceNanos;
                draining.add(this);
            }
            report(() -> listener.exited(code));
        }

        /** After a failure: end what is open, and report an unknown exit (-1) if none was reported. */
        void abandon() {
            cut();
            if (!exitReported) {
                exitReported = true;
                if (byFd.containsKey(child.pidFd())) {
                    remove(child.pidFd());
                }
                report(() -> listener.exited(-1));
            }
        }

        void cut() {
            ended(ChildListener.STDOUT, true);
            ended(ChildListener.STDERR, true);
        }

        private void report(Runnable r) {
            try {
                r.run();
            } catch (RuntimeException e) {
                GatewayLog.error("process " + child.pid() + ": its output listener failed", e);
            }
        }
    }
}
