package com.verivus.gateway.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path dir;

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void writeDurablyReplacesAFileOfAnotherModeWithAnOwnerOnlyOneAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("sessions.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));

        PrivateFiles.writeDurably(target, "{\"sessions\":{}}".getBytes());

        assertThat(Files.readString(target)).isEqualTo("{\"sessions\":{}}");
        assertThat(mode(target)).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void openForLockingCreatesTheLockFileOwnerOnlyAndKeepsAnExistingOne() throws IOException {
        Path lock = dir.resolve("sessions.json.lock");
        try (FileChannel ch = PrivateFiles.openForLocking(lock); var ignored = ch.lock()) {
            assertThat(mode(lock)).isEqualTo("rw-------");
        }
        try (FileChannel ch = PrivateFiles.openForLocking(lock)) {
            assertThat(ch.size()).isZero();
        }
    }
}
