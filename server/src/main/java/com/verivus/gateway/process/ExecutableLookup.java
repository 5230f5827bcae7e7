package com.verivus.gateway.process;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds an executable on a PATH string. Needed because Java's ProcessBuilder searches the JVM's own
 * PATH, not the PATH given to the child, so the extended PATH would otherwise be ignored for the
 * lookup of the CLI itself.
 */
public final class ExecutableLookup {

    private ExecutableLookup() {
    }

    /** The result of a lookup: the executable found, or the first non-executable file of that name. */
    public record Found(Path path, boolean executable) {
    }

    public static Optional<Found> find(String name, String path) {
        if (name.contains("/")) {
            Path p = Path.of(name);
            return Files.isRegularFile(p) ? Optional.of(new Found(p, Files.isExecutable(p))) : Optional.empty();
        }
        Found notExecutable = null;
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate;
            try {
                candidate = Path.of(dir, name);
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
