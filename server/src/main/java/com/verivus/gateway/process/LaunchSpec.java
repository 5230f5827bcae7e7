package com.verivus.gateway.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One process to start: the executable name (looked up on the extended PATH), its argv, extra
 * environment variables laid over the inherited environment, the working directory and the limits.
 */
public record LaunchSpec(String executable, List<String> args, Map<String, String> extraEnv, Path workingDirectory,
                         RunLimits limits) {

    public LaunchSpec {
        Objects.requireNonNull(executable, "executable");
        args = List.copyOf(args);
        extraEnv = extraEnv == null ? Map.of() : Map.copyOf(extraEnv);
        limits = limits == null ? RunLimits.defaults() : limits;
    }
}
