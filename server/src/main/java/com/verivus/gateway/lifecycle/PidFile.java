package com.verivus.gateway.lifecycle;

import com.verivus.gateway.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code gateway.pid}: the pid of the background gateway. A pid is trusted only while that process
 * is alive and started no later than the file was written, so a pid reused by an unrelated process
 * after a crash is never signalled.
 */
public record PidFile(Path path) {

    private static final Duration CLOCK_SLACK = Duration.ofSeconds(2);

    public Optional<Long> read() {
        try {
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            return Optional.of(Long.parseLong(Files.readString(path).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The live process the file names, when it is the one that was started. */
    public Optional<ProcessHandle> liveProcess() {
        Optional<Long> pid = read();
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> started = handle.get().info().startInstant();
        try {
            Instant written = Files.getLastModifiedTime(path).toInstant();
            if (started.isPresent() && started.get().isAfter(written.plus(CLOCK_SLACK))) {
                return Optional.empty(); // the pid was reused by a later process
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return handle;
    }

    public void write(long pid) throws IOException {
        PrivateFiles.writeAtomically(path, (pid + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    public void delete() throws IOException {
        Files.deleteIfExists(path);
    }
}
