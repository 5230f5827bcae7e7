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

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The glibc functions the gateway calls directly (through the FFM API): posix_spawn with its file
 * actions and attributes, pipes, epoll, pidfd and waitid.
 *
 * <p>All of them go through <em>one</em> downcall handle of one C shape, {@code long f(long, long, long,
 * long, long, long)}, capturing errno, called with the function's address: pointers are passed as their
 * addresses, ints widened, unused trailing arguments as 0, and an int result is the low half of the long.
 * That is exactly what each function receives on the two ABIs this is enabled on ({@link #unsupported}
 * refuses others): on x86-64 System V and AArch64 the first six integer and pointer arguments travel in
 * registers, a callee reads an int parameter from the low 32 bits of its register and never reads a
 * register for a parameter it does not declare, and an int result is the low 32 bits of the return
 * register. The shape is linked as variadic: for the variadic fcntl and syscall that is what they are,
 * and on x86-64 it makes the linker set %al, the vector-register count a variadic callee may read, to 0;
 * other callees ignore %al, and on AArch64 Linux variadic integers travel as named ones do. One shape
 * instead of fifteen is what keeps the JVM from generating, and compiling the generators of, a binding
 * class and a native stub per signature: about 40 ms of CPU at the first spawn, paid while the first
 * burst of requests waits (bench/README.md, "Session 9").
 *
 * <p>Each typed method below takes the call-state segment ({@link #callState}) first; {@link #errno}
 * reads errno back from it after a failed call.
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

    /** (function address, call state, six arguments) -> long: the one native call shape. */
    private static final MethodHandle CALL = LINKER.downcallHandle(
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.captureCallState("errno"), Linker.Option.firstVariadicArg(0));

    static final MemorySegment POSIX_SPAWN = symbol("posix_spawn");
    static final MemorySegment FILE_ACTIONS_INIT = symbol("posix_spawn_file_actions_init");
    static final MemorySegment FILE_ACTIONS_DESTROY = symbol("posix_spawn_file_actions_destroy");
    static final MemorySegment FILE_ACTIONS_ADDOPEN = symbol("posix_spawn_file_actions_addopen");
    static final MemorySegment FILE_ACTIONS_ADDDUP2 = symbol("posix_spawn_file_actions_adddup2");
    static final MemorySegment FILE_ACTIONS_ADDCHDIR = symbol("posix_spawn_file_actions_addchdir_np");
    static final MemorySegment FILE_ACTIONS_ADDCLOSEFROM = symbol("posix_spawn_file_actions_addclosefrom_np");
    static final MemorySegment SPAWNATTR_INIT = symbol("posix_spawnattr_init");
    static final MemorySegment SPAWNATTR_DESTROY = symbol("posix_spawnattr_destroy");
    static final MemorySegment SPAWNATTR_SETFLAGS = symbol("posix_spawnattr_setflags");
    static final MemorySegment SPAWNATTR_SETSIGMASK = symbol("posix_spawnattr_setsigmask");
    static final MemorySegment SPAWNATTR_SETSIGDEFAULT = symbol("posix_spawnattr_setsigdefault");
    static final MemorySegment SIGEMPTYSET = symbol("sigemptyset");
    static final MemorySegment SIGFILLSET = symbol("sigfillset");
    private static final MemorySegment PIPE2 = symbol("pipe2");
    private static final MemorySegment FCNTL = symbol("fcntl");
    private static final MemorySegment CLOSE = symbol("close");
    private static final MemorySegment READ = symbol("read");
    private static final MemorySegment EPOLL_CREATE1 = symbol("epoll_create1");
    private static final MemorySegment EPOLL_CTL = symbol("epoll_ctl");
    private static final MemorySegment EPOLL_WAIT = symbol("epoll_wait");
    private static final MemorySegment WAITID = symbol("waitid");
    private static final MemorySegment SYSCALL = symbol("syscall");

    private Libc() {
    }

    // ---------------------------------------------------------------- typed calls (invokeExact: no boxing, no spreading)

    static int posixSpawn(MemorySegment state, MemorySegment pid, MemorySegment path, MemorySegment actions,
                          MemorySegment attr, MemorySegment argv, MemorySegment envp) {
        return (int) call(POSIX_SPAWN, state, pid.address(), path.address(), actions.address(), attr.address(),
                argv.address(), envp.address());
    }

    /** A function of one pointer returning an int: the init/destroy functions, sigemptyset, sigfillset. */
    static int onSegment(MemorySegment function, MemorySegment state, MemorySegment segment) {
        return (int) call(function, state, segment.address(), 0, 0, 0, 0, 0);
    }

    /** A function of two pointers returning an int: addchdir_np, setsigmask, setsigdefault. */
    static int onSegments(MemorySegment function, MemorySegment state, MemorySegment a, MemorySegment b) {
        return (int) call(function, state, a.address(), b.address(), 0, 0, 0, 0);
    }

    static int addOpen(MemorySegment state, MemorySegment actions, int fd, MemorySegment path, int flags, int mode) {
        return (int) call(FILE_ACTIONS_ADDOPEN, state, actions.address(), fd, path.address(), flags, mode, 0);
    }

    static int addDup2(MemorySegment state, MemorySegment actions, int fd, int newFd) {
        return (int) call(FILE_ACTIONS_ADDDUP2, state, actions.address(), fd, newFd, 0, 0, 0);
    }

    static int addCloseFrom(MemorySegment state, MemorySegment actions, int lowFd) {
        return (int) call(FILE_ACTIONS_ADDCLOSEFROM, state, actions.address(), lowFd, 0, 0, 0, 0);
    }

    static int setFlags(MemorySegment state, MemorySegment attr, short flags) {
        return (int) call(SPAWNATTR_SETFLAGS, state, attr.address(), flags, 0, 0, 0, 0);
    }

    static int pipe2(MemorySegment state, MemorySegment fds, int flags) {
        return (int) call(PIPE2, state, fds.address(), flags, 0, 0, 0, 0);
    }

    static int fcntl(MemorySegment state, int fd, int command, int argument) {
        return (int) call(FCNTL, state, fd, command, argument, 0, 0, 0);
    }

    static int close(MemorySegment state, int fd) {
        return (int) call(CLOSE, state, fd, 0, 0, 0, 0, 0);
    }

    static long read(MemorySegment state, int fd, MemorySegment buffer, long count) {
        return call(READ, state, fd, buffer.address(), count, 0, 0, 0);
    }

    static int epollCreate1(MemorySegment state, int flags) {
        return (int) call(EPOLL_CREATE1, state, flags, 0, 0, 0, 0, 0);
    }

    static int epollCtl(MemorySegment state, int epollFd, int operation, int fd, MemorySegment event) {
        return (int) call(EPOLL_CTL, state, epollFd, operation, fd, event.address(), 0, 0);
    }

    static int epollWait(MemorySegment state, int epollFd, MemorySegment events, int maxEvents, int timeoutMillis) {
        return (int) call(EPOLL_WAIT, state, epollFd, events.address(), maxEvents, timeoutMillis, 0, 0);
    }

    static int waitid(MemorySegment state, int idType, int id, MemorySegment info, int options) {
        return (int) call(WAITID, state, idType, id, info.address(), options, 0, 0);
    }

    /** pidfd_open through syscall(2): glibc before 2.36 has no wrapper. */
    static int pidfdOpen(MemorySegment state, long pid) {
        return (int) call(SYSCALL, state, SYS_PIDFD_OPEN, pid, 0, 0, 0, 0);
    }

    private static long call(MemorySegment function, MemorySegment state, long a, long b, long c, long d, long e,
                             long f) {
        try {
            return (long) CALL.invokeExact(function, state, a, b, c, d, e, f);
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

    /**
     * Why these calls cannot be made here (another architecture, or a C library older than glibc 2.34),
     * or empty when they can.
     */
    static Optional<String> unsupported() {
        String arch = System.getProperty("os.arch", "");
        if (!arch.equals("amd64") && !arch.equals("aarch64")) {
            return Optional.of("the architecture " + arch + " (x86-64 or AArch64 is needed)");
        }
        for (String name : new String[] {"posix_spawn_file_actions_addchdir_np", "posix_spawn_file_actions_addclosefrom_np",
                "epoll_create1", "waitid", "pipe2", "syscall"}) {
            if (LIBC.find(name).isEmpty()) {
                return Optional.of("the C library has no " + name + " (glibc 2.34 or later is needed)");
            }
        }
        return Optional.empty();
    }

    private static MemorySegment symbol(String name) {
        return LIBC.find(name).orElse(MemorySegment.NULL);
    }
}
