package com.verivus.dag.isolation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A .gitignore as text: appending keeps the file's own line endings, adds the newline a file without
 * a trailing one is missing, and never writes a line that is already there.
 */
final class GitignoreFile {

    private final Path path;
    private final boolean exists;
    private String text;

    private GitignoreFile(Path path, boolean exists, String text) {
        this.path = path;
        this.exists = exists;
        this.text = text;
    }

    static GitignoreFile read(Path path) throws IOException {
        if (!Files.exists(path)) {
            return new GitignoreFile(path, false, "");
        }
        return new GitignoreFile(path, true, Files.readString(path, StandardCharsets.UTF_8));
    }

    boolean exists() {
        return exists;
    }

    Path path() {
        return path;
    }

    List<String> lines() {
        return text.lines().toList();
    }

    GitignoreRules rules() {
        return new GitignoreRules(lines());
    }

    boolean hasLine(String line) {
        return lines().stream().anyMatch(l -> l.strip().equals(line));
    }

    /** Appends {@code line} in memory; {@link #write()} stores it. */
    void append(String line) {
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        if (!text.isEmpty() && !text.endsWith("\n")) {
            text += eol;
        }
        text += line + eol;
    }

    void write() throws IOException {
        AtomicFile.write(path, text);
    }
}
