package com.verivus.gateway.process.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The glibc functions the gateway calls directly (through the FFM API): posix_spawn with its file
 * actions and attributes, pipes, epoll, pidfd and waitid. Each handle that can set errno captures it;
 * {@link #errno} reads it back from the call-state segment the caller passed first.
 */
final class Libc {

    static final int O_RDONLY = 0;
    static final int O_NONBLOCK = 0x800;
    static final int O_CLOEXEC = 0x80000;
    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int EINTR = 4;
    static final int EAGAIN = 11;
    static final int ENOSYS = 38;
    static final int POSIX_SPAWN_SETSIGDEF = 0x04;
    static final int POSIX_SPAWN_SETSIGMASK = 0x08;
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_DEL = 2;
    static final int EPOLLIN = 0x001;
    static final int EPOLLERR = 0x008;
    static final int EPOLLHUP = 0x010;
    static final int P_PIDFD = 3;
    static final int WEXITED = 4;
    static final int CLD_EXITED = 1;
    static final long SYS_PIDFD_OPEN = 434; // the same number on every Linux architecture

    /** sizeof of glibc's opaque types, rounded up generously (x86_64: 80, 336, 128). */
    static final long FILE_ACTIONS_SIZE = 256;
    static final long SPAWNATTR_SIZE = 512;
    static final long SIGSET_SIZE = 128;
    static final long SIGINFO_SIZE = 128;
    static final long SIGINFO_CODE_OFFSET = 8;
    static final long SIGINFO_STATUS_OFFSET = 24;

    /** struct epoll_event: packed on x86_64 (12 bytes), naturally aligned elsewhere (16 bytes). */
    static final StructLayout EPOLL_EVENT = System.getProperty("os.arch").equals("amd64")
            ? MemoryLayout.structLayout(JAVA_INT.withName("events"), JAVA_LONG.withByteAlignment(4).withName("data"))
            : MemoryLayout.structLayout(JAVA_INT.withName("events"), MemoryLayout.paddingLayout(4),
                    JAVA_LONG.withName("data"));
    static final VarHandle EVENT_EVENTS = EPOLL_EVENT.varHandle(MemoryLayout.PathElement.groupElement("events"));
    static final VarHandle EVENT_DATA = EPOLL_EVENT.varHandle(MemoryLayout.PathElement.groupElement("data"));

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    static final MethodHandle POSIX_SPAWN = plain("posix_spawn", JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    static final MethodHandle FILE_ACTIONS_INIT = plain("posix_spawn_file_actions_init", JAVA_INT, ADDRESS);
    static final MethodHandle FILE_ACTIONS_DESTROY = plain("posix_spawn_file_actions_destroy", JAVA_INT, ADDRESS);
    static final MethodHandle FILE_ACTIONS_ADDOPEN = plain("posix_spawn_file_actions_addopen",
            JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    static final MethodHandle FILE_ACTIONS_ADDDUP2 = plain("posix_spawn_file_actions_adddup2", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    static final MethodHandle FILE_ACTIONS_ADDCHDIR = plain("posix_spawn_file_actions_addchdir_np", JAVA_INT, ADDRESS, ADDRESS);
    static final MethodHandle FILE_ACTIONS_ADDCLOSEFROM = plain("posix_spawn_file_actions_addclosefrom_np", JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle SPAWNATTR_INIT = plain("posix_spawnattr_init", JAVA_INT, ADDRESS);
    static final MethodHandle SPAWNATTR_DESTROY = plain("posix_spawnattr_destroy", JAVA_INT, ADDRESS);
    static final MethodHandle SPAWNATTR_SETFLAGS = plain("posix_spawnattr_setflags", JAVA_INT, ADDRESS, ValueLayout.JAVA_SHORT);
    static final MethodHandle SPAWNATTR_SETSIGMASK = plain("posix_spawnattr_setsigmask", JAVA_INT, ADDRESS, ADDRESS);
    static final MethodHandle SPAWNATTR_SETSIGDEFAULT = plain("posix_spawnattr_setsigdefault", JAVA_INT, ADDRESS, ADDRESS);
    static final MethodHandle SIGEMPTYSET = plain("sigemptyset", JAVA_INT, ADDRESS);
    static final MethodHandle SIGFILLSET = plain("sigfillset", JAVA_INT, ADDRESS);

    static final MethodHandle PIPE2 = withErrno("pipe2", JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle FCNTL = withErrno("fcntl", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    static final MethodHandle CLOSE = withErrno("close", JAVA_INT, JAVA_INT);
    static final MethodHandle READ = withErrno("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    static final MethodHandle EPOLL_CREATE1 = withErrno("epoll_create1", JAVA_INT, JAVA_INT);
    static final MethodHandle EPOLL_CTL = withErrno("epoll_ctl", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    static final MethodHandle EPOLL_WAIT = withErrno("epoll_wait", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    static final MethodHandle WAITID = withErrno("waitid", JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    static final MethodHandle PIDFD_OPEN = LIBC.find("syscall").map(s -> LINKER.downcallHandle(s,
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT),
            CAPTURE_ERRNO, Linker.Option.firstVariadicArg(1))).orElseThrow();

    private Libc() {
    }

    // ---------------------------------------------------------------- typed calls (invokeExact: no boxing, no spreading)
    // The first MemorySegment of the errno-capturing ones is the call state ({@link #callState}).

    static int posixSpawn(MemorySegment pid, MemorySegment path, MemorySegment actions, MemorySegment attr,
                          MemorySegment argv, MemorySegment envp) {
        try {
            return (int) POSIX_SPAWN.invokeExact(pid, path, actions, attr, argv, envp);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int onSegment(MethodHandle handle, MemorySegment segment) {
        try {
            return (int) handle.invokeExact(segment);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int onSegments(MethodHandle handle, MemorySegment a, MemorySegment b) {
        try {
            return (int) handle.invokeExact(a, b);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int addOpen(MemorySegment actions, int fd, MemorySegment path, int flags, int mode) {
        try {
            return (int) FILE_ACTIONS_ADDOPEN.invokeExact(actions, fd, path, flags, mode);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int addDup2(MemorySegment actions, int fd, int newFd) {
        try {
            return (int) FILE_ACTIONS_ADDDUP2.invokeExact(actions, fd, newFd);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int addCloseFrom(MemorySegment actions, int lowFd) {
        try {
            return (int) FILE_ACTIONS_ADDCLOSEFROM.invokeExact(actions, lowFd);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int setFlags(MemorySegment attr, short flags) {
        try {
            return (int) SPAWNATTR_SETFLAGS.invokeExact(attr, flags);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int pipe2(MemorySegment state, MemorySegment fds, int flags) {
        try {
            return (int) PIPE2.invokeExact(state, fds, flags);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int fcntl(MemorySegment state, int fd, int command, int argument) {
        try {
            return (int) FCNTL.invokeExact(state, fd, command, argument);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int close(MemorySegment state, int fd) {
        try {
            return (int) CLOSE.invokeExact(state, fd);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static long read(MemorySegment state, int fd, MemorySegment buffer, long count) {
        try {
            return (long) READ.invokeExact(state, fd, buffer, count);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int epollCreate1(MemorySegment state, int flags) {
        try {
            return (int) EPOLL_CREATE1.invokeExact(state, flags);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int epollCtl(MemorySegment state, int epollFd, int operation, int fd, MemorySegment event) {
        try {
            return (int) EPOLL_CTL.invokeExact(state, epollFd, operation, fd, event);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int epollWait(MemorySegment state, int epollFd, MemorySegment events, int maxEvents, int timeoutMillis) {
        try {
            return (int) EPOLL_WAIT.invokeExact(state, epollFd, events, maxEvents, timeoutMillis);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int waitid(MemorySegment state, int idType, int id, MemorySegment info, int options) {
        try {
            return (int) WAITID.invokeExact(state, idType, id, info, options);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    static int pidfdOpen(MemorySegment state, long pid) {
        try {
            return (int) (long) PIDFD_OPEN.invokeExact(state, SYS_PIDFD_OPEN, (int) pid, 0);
        } catch (Throwable t) {
            throw failed(t);
        }
    }

    private static RuntimeException failed(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** A call-state segment for the handles that capture errno (pass it as their first argument). */
    static MemorySegment callState(Arena arena) {
        return arena.allocate(CALL_STATE);
    }

    static int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    /** Whether every symbol this needs exists in the C library (glibc 2.34 or later, on Linux). */
    static Optional<String> missingSymbol() {
        for (String name : new String[] {"posix_spawn_file_actions_addchdir_np", "posix_spawn_file_actions_addclosefrom_np",
                "epoll_create1", "waitid", "pipe2", "syscall"}) {
            if (LIBC.find(name).isEmpty()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private static MethodHandle plain(String name, ValueLayout result, MemoryLayout... args) {
        return LIBC.find(name).map(s -> LINKER.downcallHandle(s, FunctionDescriptor.of(result, args)))
                .orElse(null);
    }

    private static MethodHandle withErrno(String name, ValueLayout result, MemoryLayout... args) {
        return LIBC.find(name).map(s -> LINKER.downcallHandle(s, FunctionDescriptor.of(result, args), CAPTURE_ERRNO))
                .orElse(null);
    }
}
