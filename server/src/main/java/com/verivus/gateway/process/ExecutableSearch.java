package com.verivus.gateway.process;

import com.verivus.gateway.config.GatewayEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds an executable the way execvp does (and so the way the Node gateway's spawn does), but on a
 * PATH given explicitly rather than this JVM's: ProcessBuilder searches the parent's PATH, so the
 * extended PATH of a job, or the PATH of a gateway given its own environment, would otherwise be
 * ignored and a different binary run. Relative PATH entries (an empty one means ".") and names
 * containing '/' are resolved against the environment's working directory, where the child runs.
 */
public final class ExecutableSearch {

    private ExecutableSearch() {
    }

    /**
     * What a search found: an executable, or, when the PATH holds no executable of that name, the
     * first file of that name that is not executable (so a launcher can say EACCES, not ENOENT).
     */
    public record Found(Path path, boolean executable) {
    }

    /** The executable file for {@code name} on the environment's own PATH. */
    public static Optional<Path> find(GatewayEnvironment env, String name) {
        return locate(env, name, env.get("PATH").orElse("")).filter(Found::executable).map(Found::path);
    }

    /**
     * {@code name} looked up on {@code path}: a name containing '/' as given, else the first
     * executable in PATH order, else the first non-executable file of that name.
     */
    public static Optional<Found> locate(GatewayEnvironment env, String name, String path) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        if (name.contains("/")) {
            try {
                Path p = env.workingDirectory().resolve(name);
                return Files.isRegularFile(p) ? Optional.of(new Found(p, Files.isExecutable(p))) : Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        Found notExecutable = null;
        for (String dir : path.split(File.pathSeparator, -1)) {
            Path candidate;
            try {
                candidate = env.workingDirectory().resolve(dir.isEmpty() ? "." : dir).resolve(name).normalize();
            } catch (InvalidPathException e) {
                continue;
            }
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) {
                    return Optional.of(new Found(candidate, true));
                }
                if (notExecutable == null) {
                    notExecutable = new Found(candidate, false);
                }
            }
        }
        return Optional.ofNullable(notExecutable);
    }
}
