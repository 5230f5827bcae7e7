package com.verivus.gateway.process.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every libc function goes through one native call shape (long arguments, long result): what each kind of
 * argument and result must still mean to the C side, errno included.
 */
class LibcTest {

    private static final int EBADF = 9;
    private static final int ESRCH = 3;

    Arena arena;
    MemorySegment state;

    @BeforeEach
    void setUp() {
        assertThat(Libc.unsupported()).isEmpty();
        arena = Arena.ofAuto();
        state = Libc.callState(arena);
    }

    @Test
    void aNegativeIntArgumentStaysNegativeAndErrnoIsCaptured() {
        assertThat(Libc.close(state, -1)).isEqualTo(-1);
        assertThat(Libc.errno(state)).isEqualTo(EBADF);
        assertThat(Libc.fcntl(state, Integer.MIN_VALUE, Libc.F_GETFL, 0)).isEqualTo(-1);
        assertThat(Libc.errno(state)).isEqualTo(EBADF);
    }

    @Test
    void pointersCountsAndLongResultsReachTheKernelIntact() throws IOException {
        MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
        assertThat(Libc.pipe2(state, fds, Libc.O_CLOEXEC)).isZero();
        int readEnd = fds.getAtIndex(ValueLayout.JAVA_INT, 0);
        int writeEnd = fds.getAtIndex(ValueLayout.JAVA_INT, 1);
        try {
            int flags = Libc.fcntl(state, readEnd, Libc.F_GETFL, 0);
            assertThat(Libc.fcntl(state, readEnd, Libc.F_SETFL, flags | Libc.O_NONBLOCK)).isZero();
            assertThat(Libc.fcntl(state, readEnd, Libc.F_GETFL, 0) & Libc.O_NONBLOCK).isEqualTo(Libc.O_NONBLOCK);

            MemorySegment buffer = arena.allocate(64);
            assertThat(Libc.read(state, readEnd, buffer, 64)).isEqualTo(-1L);
            assertThat(Libc.errno(state)).isEqualTo(Libc.EAGAIN);

            // write(2) is not among Libc's calls: the JDK writes through the descriptor's /proc path
            byte[] text = "one shape fits all".getBytes(StandardCharsets.UTF_8);
            try (FileOutputStream out = new FileOutputStream("/proc/self/fd/" + writeEnd)) {
                out.write(text);
            }
            assertThat(Libc.read(state, readEnd, buffer, 5)).isEqualTo(5L);
            assertThat(Libc.read(state, readEnd, buffer.asSlice(5), 59)).isEqualTo(text.length - 5L);
            assertThat(new String(buffer.asSlice(0, text.length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8))
                    .isEqualTo("one shape fits all");
        } finally {
            Libc.close(state, readEnd);
            Libc.close(state, writeEnd);
        }
    }

    @Test
    void theVariadicSyscallGetsItsNumberAndPid() {
        int self = Libc.pidfdOpen(state, ProcessHandle.current().pid());
        assertThat(self).isGreaterThanOrEqualTo(0);
        Libc.close(state, self);
        assertThat(Libc.pidfdOpen(state, Integer.MAX_VALUE)).isEqualTo(-1);
        assertThat(Libc.errno(state)).isEqualTo(ESRCH);
    }

    @Test
    void errorNumbersReturnedInsteadOfErrnoComeBackAsInts() {
        MemorySegment attr = arena.allocate(Libc.SPAWNATTR_SIZE, 16);
        assertThat(Libc.onSegment(Libc.SPAWNATTR_INIT, state, attr)).isZero();
        assertThat(Libc.setFlags(state, attr, (short) (Libc.POSIX_SPAWN_SETSIGMASK | Libc.POSIX_SPAWN_SETSIGDEF)))
                .isZero();
        int einval = 22;
        assertThat(Libc.setFlags(state, attr, (short) 0x7fff)).isEqualTo(einval); // unknown flag bits
        assertThat(Libc.onSegment(Libc.SPAWNATTR_DESTROY, state, attr)).isZero();

        MemorySegment actions = arena.allocate(Libc.FILE_ACTIONS_SIZE, 16);
        assertThat(Libc.onSegment(Libc.FILE_ACTIONS_INIT, state, actions)).isZero();
        assertThat(Libc.addDup2(state, actions, -1, 1)).isEqualTo(EBADF);
        assertThat(Libc.addCloseFrom(state, actions, -5)).isEqualTo(EBADF);
        assertThat(Libc.onSegment(Libc.FILE_ACTIONS_DESTROY, state, actions)).isZero();
    }
}
