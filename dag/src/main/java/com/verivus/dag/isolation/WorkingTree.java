package com.verivus.dag.isolation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The repository's files as the run sees them. A real run reads and writes the disk (writes are
 * atomic); a dry run reads the disk through the writes it would have made, so later units plan
 * against what earlier units would have left (U03 sees the .gitignore U01 would have written).
 */
final class WorkingTree {

    private final boolean dryRun;
    private final Map<Path, String> pendingFiles = new HashMap<>();
    private final Set<Path> pendingDirectories = new HashSet<>();

    WorkingTree(boolean dryRun) {
        this.dryRun = dryRun;
    }

    Optional<String> read(Path file) throws IOException {
        if (pendingFiles.containsKey(file)) {
            return Optional.of(pendingFiles.get(file));
        }
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    }

    boolean exists(Path path) {
        return pendingFiles.containsKey(path) || pendingDirectories.contains(path) || Files.exists(path);
    }

    boolean isDirectory(Path path) {
        return pendingDirectories.contains(path) || Files.isDirectory(path);
    }

    void write(Path file, String content) throws IOException {
        if (dryRun) {
            pendingFiles.put(file, content);
        } else {
            AtomicFile.write(file, content);
        }
    }

    void createDirectories(Path dir) throws IOException {
        if (dryRun) {
            pendingDirectories.add(dir);
        } else {
            Files.createDirectories(dir);
        }
    }
}
