package com.verivus.dag.isolation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

    static GitignoreFile read(WorkingTree files, Path path) throws IOException {
        Optional<String> text = files.read(path);
        return new GitignoreFile(path, text.isPresent(), text.orElse(""));
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

    void write(WorkingTree files) throws IOException {
        files.write(path, text);
    }
}
