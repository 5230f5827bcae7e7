package com.verivus.gateway.process;

import com.verivus.gateway.config.GatewayEnvironment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds an executable the way a shell does, but on the PATH of a {@link GatewayEnvironment} rather
 * than this JVM's: ProcessBuilder searches the parent's PATH, so a test (or a gateway given its own
 * environment) would otherwise run a different binary than the one it asked for.
 */
public final class ExecutableSearch {

    private ExecutableSearch() {
    }

    /** The executable file for {@code name}: a path (containing '/') as given, else the first PATH hit. */
    public static Optional<Path> find(GatewayEnvironment env, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            if (name.contains("/")) {
                Path p = env.workingDirectory().resolve(name);
                return runnable(p) ? Optional.of(p) : Optional.empty();
            }
            for (String dir : env.get("PATH").orElse("").split(File.pathSeparator, -1)) {
                Path candidate = env.workingDirectory().resolve(dir.isEmpty() ? "." : dir).resolve(name);
                if (runnable(candidate)) {
                    return Optional.of(candidate.normalize());
                }
            }
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean runnable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
