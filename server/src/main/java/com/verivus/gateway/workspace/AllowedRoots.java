package com.verivus.gateway.workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * The directories under which HTTP callers may run a CLI, as configured (absolute, normalised, not yet
 * resolved: a root may be created or re-linked after start-up, so it is resolved at each check).
 *
 * @param roots empty: HTTP callers cannot choose a working directory at all
 * @param configFile the config file the roots were read from, for error messages; null when none
 */
public record AllowedRoots(List<Path> roots, String configFile) {

    /** The environment variable that adds roots, separated like PATH. */
    public static final String ENV = "LLM_GATEWAY_ALLOWED_ROOTS";

    public static final AllowedRoots NONE = new AllowedRoots(List.of(), null);

    public AllowedRoots {
        roots = List.copyOf(roots);
    }

    /** Where roots come from, for messages that tell the user what to change. */
    String settingName() {
        return "[workspace] allowedRoots in " + (configFile == null ? "config.toml" : configFile) + " or " + ENV;
    }
}
