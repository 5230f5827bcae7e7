package com.verivus.dag.validate;

import java.nio.file.Path;

/**
 * @param allowPlaceholders accept {@code <...>} placeholders in files_create / files_modify
 * @param checkPathsExist verify that every files_modify path exists under {@code repoRoot}
 * @param repoRoot the repository the paths are relative to (required by {@code checkPathsExist})
 */
public record ValidationOptions(ValidationMode mode, boolean allowPlaceholders, boolean checkPathsExist,
                                Path repoRoot) {

    public static ValidationOptions strict() {
        return new ValidationOptions(ValidationMode.STRICT, false, false, null);
    }

    public static ValidationOptions compat() {
        return new ValidationOptions(ValidationMode.COMPAT, false, false, null);
    }
}
