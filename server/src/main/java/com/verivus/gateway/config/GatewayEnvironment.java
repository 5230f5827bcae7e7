package com.verivus.gateway.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The process environment the gateway reads: variables, home and working directory. Passed around
 * instead of calling System.getenv, so tests give each gateway its own HOME and variables.
 */
public record GatewayEnvironment(Map<String, String> variables, Path home, Path workingDirectory) {

    public GatewayEnvironment {
        variables = Map.copyOf(variables);
        home = home.toAbsolutePath().normalize();
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    public static GatewayEnvironment fromSystem() {
        String home = System.getenv("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return new GatewayEnvironment(System.getenv(), Path.of(home), Path.of("").toAbsolutePath());
    }

    /** The variable, or empty when unset. An empty string is returned as is. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** The variable when set and not blank. */
    public Optional<String> nonBlank(String name) {
        return get(name).filter(v -> !v.isBlank());
    }

    /** The default data directory of the Node gateway: ~/.llm-cli-gateway. */
    public Path defaultDataDirectory() {
        return home.resolve(".llm-cli-gateway");
    }

    /** Expands a leading "~/" against HOME (only that form, as the Node gateway does). */
    public String expandHome(String path) {
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2)).toString();
        }
        return path;
    }
}
