package com.verivus.dag.validate;

import java.nio.file.Path;
import java.util.Set;

/**
 * @param allowPlaceholders accept {@code <...>} placeholders in files_create / files_modify
 * @param checkPathsExist verify that every files_modify path exists under {@code repoRoot}
 * @param repoRoot the repository the paths are relative to (required by {@code checkPathsExist})
 * @param consumedRootKeys root keys the caller itself reads (the isolation executor reads [policy.*]), so
 *                         "not defined by the kind" is no news to it and is not warned about
 */
public record ValidationOptions(ValidationMode mode, boolean allowPlaceholders, boolean checkPathsExist,
                                Path repoRoot, Set<String> consumedRootKeys) {

    public ValidationOptions {
        consumedRootKeys = Set.copyOf(consumedRootKeys);
    }

    public ValidationOptions(ValidationMode mode, boolean allowPlaceholders, boolean checkPathsExist, Path repoRoot) {
        this(mode, allowPlaceholders, checkPathsExist, repoRoot, Set.of());
    }

    public static ValidationOptions strict() {
        return new ValidationOptions(ValidationMode.STRICT, false, false, null);
    }

    public static ValidationOptions compat() {
        return new ValidationOptions(ValidationMode.COMPAT, false, false, null);
    }
}
