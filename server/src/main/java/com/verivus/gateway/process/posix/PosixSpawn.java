package com.verivus.gateway.process.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a child with glibc's posix_spawn: argv as given (no shell), stdin from /dev/null, stdout and
 * stderr into two pipes whose read ends stay with the gateway, every other descriptor closed in the child,
 * every signal at its default disposition and none blocked — what the JDK's ProcessBuilder does, minus the
 * JDK's per-child "process reaper" thread: the child's exit is reported by a pidfd that {@link PipeReactor}
 * watches together with the pipes, so a running child costs no thread at all.
 */
public final class PosixSpawn {

    private static final Optional<String> UNAVAILABLE = probe();

    private PosixSpawn() {
    }

    /** Empty when this machine can spawn this way (Linux, glibc 2.34+, pidfd); else why not. */
    public static Optional<String> unavailable() {
        return UNAVAILABLE;
    }

    /**
     * @param command the executable's path, then its arguments (argv[0] is the path, as ProcessBuilder passes it)
     * @throws SpawnFailure with the errno of the failed exec (ENOENT, EACCES, ENOEXEC, ...) or of a pipe call
     */
    public static SpawnedChild spawn(List<String> command, Map<String, String> environment, Path directory)
            throws SpawnFailure {
        if (UNAVAILABLE.isPresent()) {
            throw new IllegalStateException("posix_spawn is unavailable: " + UNAVAILABLE.get());
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState(arena);
            int[] out = pipe(arena, state);
            int[] err;
            try {
                err = pipe(arena, state);
            } catch (SpawnFailure e) {
                close(out[0]);
                close(out[1]);
                throw e;
            }
            long pid;
            try {
                pid = spawnWith(arena, state, command, environment, directory, out[1], err[1]);
            } catch (SpawnFailure e) {
                close(out[0]);
                close(err[0]);
                throw e;
            } finally {
                close(out[1]);
                close(err[1]);
            }
            int pidFd = Libc.pidfdOpen(state, pid);
            if (pidFd < 0) {
                // cannot happen for our own unreaped child; keep the descriptors from leaking anyway
                close(out[0]);
                close(err[0]);
                throw new SpawnFailure("pidfd_open", Libc.errno(state));
            }
            nonBlocking(out[0], state);
            nonBlocking(err[0], state);
            return new SpawnedChild(pid, pidFd, out[0], err[0]);
        }
    }

    private static long spawnWith(Arena arena, MemorySegment state, List<String> command,
                                  Map<String, String> environment, Path directory, int stdoutW, int stderrW)
            throws SpawnFailure {
        MemorySegment actions = arena.allocate(Libc.FILE_ACTIONS_SIZE, 16);
        MemorySegment attr = arena.allocate(Libc.SPAWNATTR_SIZE, 16);
        check("posix_spawn_file_actions_init", Libc.onSegment(Libc.FILE_ACTIONS_INIT, state, actions));
        try {
            check("posix_spawnattr_init", Libc.onSegment(Libc.SPAWNATTR_INIT, state, attr));
            try {
                check("addopen", Libc.addOpen(state, actions, 0, arena.allocateFrom("/dev/null"), Libc.O_RDONLY, 0));
                check("adddup2", Libc.addDup2(state, actions, stdoutW, 1));
                check("adddup2", Libc.addDup2(state, actions, stderrW, 2));
                check("addclosefrom_np", Libc.addCloseFrom(state, actions, 3));
                if (directory != null) {
                    check("addchdir_np", Libc.onSegments(Libc.FILE_ACTIONS_ADDCHDIR, state, actions,
                            arena.allocateFrom(directory.toString())));
                }
                MemorySegment none = arena.allocate(Libc.SIGSET_SIZE, 8);
                MemorySegment all = arena.allocate(Libc.SIGSET_SIZE, 8);
                Libc.onSegment(Libc.SIGEMPTYSET, state, none);
                Libc.onSegment(Libc.SIGFILLSET, state, all);
                check("setsigmask", Libc.onSegments(Libc.SPAWNATTR_SETSIGMASK, state, attr, none));
                check("setsigdefault", Libc.onSegments(Libc.SPAWNATTR_SETSIGDEFAULT, state, attr, all));
                check("setflags", Libc.setFlags(state, attr,
                        (short) (Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF)));
                MemorySegment pid = arena.allocate(ValueLayout.JAVA_INT);
                int rc = Libc.posixSpawn(state, pid, arena.allocateFrom(command.get(0)), actions, attr,
                        strings(arena, command), strings(arena, environment.entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
                if (rc != 0) {
                    throw new SpawnFailure("posix_spawn", rc);
                }
                return pid.get(ValueLayout.JAVA_INT, 0);
            } finally {
                Libc.onSegment(Libc.SPAWNATTR_DESTROY, state, attr);
            }
        } finally {
            Libc.onSegment(Libc.FILE_ACTIONS_DESTROY, state, actions);
        }
    }

    /**
     * A NULL-terminated char*[] of the strings, in one allocation: the pointer array, then each string's
     * UTF-8 bytes and NUL (an allocation per string cost a malloc and an arena entry each, some fifty per
     * spawn with a usual environment).
     */
    static MemorySegment strings(Arena arena, List<String> values) {
        byte[][] encoded = new byte[values.size()][];
        long textBytes = 0;
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = values.get(i).getBytes(StandardCharsets.UTF_8);
            textBytes += encoded[i].length + 1L;
        }
        long pointerBytes = ValueLayout.ADDRESS.byteSize() * (encoded.length + 1L);
        MemorySegment block = arena.allocate(pointerBytes + textBytes, ValueLayout.ADDRESS.byteAlignment());
        long at = pointerBytes;
        for (int i = 0; i < encoded.length; i++) {
            MemorySegment.copy(encoded[i], 0, block, ValueLayout.JAVA_BYTE, at, encoded[i].length);
            block.set(ValueLayout.JAVA_BYTE, at + encoded[i].length, (byte) 0);
            block.setAtIndex(ValueLayout.ADDRESS, i, block.asSlice(at));
            at += encoded[i].length + 1L;
        }
        block.setAtIndex(ValueLayout.ADDRESS, encoded.length, MemorySegment.NULL);
        return block;
    }

    /** A pipe, both ends close-on-exec (the child gets the write end through dup2, which clears the flag). */
    private static int[] pipe(Arena arena, MemorySegment state) throws SpawnFailure {
        MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
        if (Libc.pipe2(state, fds, Libc.O_CLOEXEC) != 0) {
            throw new SpawnFailure("pipe2", Libc.errno(state));
        }
        return new int[] {fds.getAtIndex(ValueLayout.JAVA_INT, 0), fds.getAtIndex(ValueLayout.JAVA_INT, 1)};
    }

    private static void nonBlocking(int fd, MemorySegment state) {
        int flags = Libc.fcntl(state, fd, Libc.F_GETFL, 0);
        Libc.fcntl(state, fd, Libc.F_SETFL, flags | Libc.O_NONBLOCK);
    }

    /**
     * Makes the calls a spawn and the reactor make once each, harmlessly (an empty pipe read, a wait for a
     * child that is not ours, file actions built and dropped), so the JVM links the native call and
     * compiles its path now rather than on the first CLI run.
     */
    public static void warmUp() {
        if (UNAVAILABLE.isPresent()) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = Libc.callState(arena);
            int[] fds = pipe(arena, state);
            nonBlocking(fds[0], state);
            Libc.read(state, fds[0], arena.allocate(16), 16L);
            int self = Libc.pidfdOpen(state, ProcessHandle.current().pid());
            if (self >= 0) {
                Libc.waitid(state, Libc.P_PIDFD, self, arena.allocate(Libc.SIGINFO_SIZE, 8), Libc.WEXITED | WNOHANG);
                close(self);
            }
            close(fds[0]);
            close(fds[1]);
            MemorySegment actions = arena.allocate(Libc.FILE_ACTIONS_SIZE, 16);
            MemorySegment attr = arena.allocate(Libc.SPAWNATTR_SIZE, 16);
            Libc.onSegment(Libc.FILE_ACTIONS_INIT, state, actions);
            Libc.addCloseFrom(state, actions, 3);
            Libc.onSegment(Libc.FILE_ACTIONS_DESTROY, state, actions);
            Libc.onSegment(Libc.SPAWNATTR_INIT, state, attr);
            Libc.onSegment(Libc.SPAWNATTR_DESTROY, state, attr);
        } catch (SpawnFailure | RuntimeException | LinkageError e) {
            // warming is an optimisation: the first spawn will link what this could not
        }
    }

    private static final int WNOHANG = 1;

    static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            Libc.close(Libc.callState(arena), fd);
        }
    }

    private static void check(String what, int rc) throws SpawnFailure {
        if (rc != 0) {
            throw new SpawnFailure(what, rc);
        }
    }

    private static Optional<String> probe() {
        if (!System.getProperty("os.name", "").equals("Linux")) {
            return Optional.of("not Linux");
        }
        try {
            Optional<String> unsupported = Libc.unsupported();
            if (unsupported.isPresent()) {
                return unsupported;
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment state = Libc.callState(arena);
                int fd = Libc.pidfdOpen(state, ProcessHandle.current().pid());
                if (fd < 0) {
                    return Optional.of("pidfd_open failed with errno " + Libc.errno(state) + " (Linux 5.3 or later is needed)");
                }
                close(fd);
            }
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(String.valueOf(e)); // no native access (--enable-native-access) or an unknown platform
        }
    }
}
