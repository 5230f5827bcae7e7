package com.verivus.gateway.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which config file the gateway reads, and why. In order: {@code LLM_GATEWAY_CONFIG} when set (used
 * verbatim, as the Node gateway does); else an approved project's {@code .gateway/config.toml} found from
 * the working directory; else {@code ~/.llm-cli-gateway/config.toml}.
 *
 * @param location the path to read (may name a file that does not exist)
 * @param selectedBy {@link #BY_ENV}, {@link #BY_PROJECT} or {@link #BY_DEFAULT}
 * @param unapprovedProjectConfig a project config that was found but not used because its directory is
 *                                not approved, else null
 */
public record ConfigFileChoice(String location, String selectedBy, String unapprovedProjectConfig) {

    public static final String BY_ENV = "LLM_GATEWAY_CONFIG";
    public static final String BY_PROJECT = "approved project";
    public static final String BY_DEFAULT = "default";

    public static ConfigFileChoice of(GatewayEnvironment env) {
        Optional<String> explicit = env.get(PersistenceConfigLoader.CONFIG_ENV);
        if (explicit.isPresent()) {
            return new ConfigFileChoice(explicit.get(), BY_ENV, null);
        }
        String fallback = env.defaultDataDirectory().resolve("config.toml").toString();
        Optional<ProjectConfigDiscovery.ProjectConfig> project = ProjectConfigDiscovery.find(env);
        if (project.isEmpty()) {
            return new ConfigFileChoice(fallback, BY_DEFAULT, null);
        }
        if (project.get().approved()) {
            return new ConfigFileChoice(project.get().configFile().toString(), BY_PROJECT, null);
        }
        return new ConfigFileChoice(fallback, BY_DEFAULT, project.get().configFile().toString());
    }

    /** The warning a gateway logs when it ignores a project config, with how to approve it. */
    public Optional<String> unapprovedWarning() {
        return Optional.ofNullable(unapprovedProjectConfig).map(file -> "Ignoring " + file
                + ": its project is not approved for this user, so the per-user state in ~/.llm-cli-gateway is used. "
                + "To use it, run `jbang isolate@verivus --repo " + projectRoot(file) + "` (it approves the project).");
    }

    private static String projectRoot(String configFile) {
        Path root = Path.of(configFile).getParent().getParent();
        return root == null ? "." : root.toString();
    }
}
