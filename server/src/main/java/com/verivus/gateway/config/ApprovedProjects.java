package com.verivus.gateway.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The repositories whose {@code .gateway/config.toml} the user has approved, kept in
 * {@code ~/.llm-cli-gateway/approved-projects}: one absolute, real directory path per line, {@code #}
 * starts a comment. {@code isolate} appends to it; the gateway only reads it. It lives in the per-user
 * directory, never in a repository, so a cloned repository cannot approve itself.
 */
public final class ApprovedProjects {

    public static final String FILE_NAME = "approved-projects";

    private final Set<Path> roots;

    private ApprovedProjects(Set<Path> roots) {
        this.roots = roots;
    }

    /** The list as it is on disk; a missing or unreadable file approves nothing. */
    public static ApprovedProjects read(GatewayEnvironment env) {
        Path file = env.defaultDataDirectory().resolve(FILE_NAME);
        Set<Path> roots = new LinkedHashSet<>();
        if (!Files.isRegularFile(file)) {
            return new ApprovedProjects(roots);
        }
        try {
            for (String line : Files.readAllLines(file)) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#") && entry.startsWith("/")) {
                    roots.add(Path.of(entry).normalize());
                }
            }
        } catch (IOException | RuntimeException e) {
            return new ApprovedProjects(Set.of());
        }
        return new ApprovedProjects(roots);
    }

    /** Whether the directory (compared by its real path, so a symlink to it counts too) is approved. */
    public boolean approves(Path projectRoot) {
        try {
            return roots.contains(projectRoot.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
