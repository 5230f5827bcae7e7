package com.verivus.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a project's own gateway configuration from the working directory, so that any MCP client that
 * starts the gateway inside a repository (Claude Code does, with cwd = the project) gets that
 * repository's state without passing an environment variable the client may not forward. The nearest
 * {@code <dir>/.gateway/config.toml} in the working directory or one of its parents is the candidate;
 * it is used only when the user approved that directory ({@link ApprovedProjects}), because a cloned
 * repository must not be able to redirect a user's jobs and prompts somewhere of its choosing.
 */
public final class ProjectConfigDiscovery {

    static final Path RELATIVE_CONFIG = Path.of(".gateway", "config.toml");

    /** A project configuration found above the working directory, approved or not. */
    public record ProjectConfig(Path root, Path configFile, boolean approved) {
    }

    private ProjectConfigDiscovery() {
    }

    public static Optional<ProjectConfig> find(GatewayEnvironment env) {
        for (Path dir = env.workingDirectory(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_CONFIG);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(new ProjectConfig(dir, candidate, ApprovedProjects.read(env).approves(dir)));
            }
        }
        return Optional.empty();
    }
}
