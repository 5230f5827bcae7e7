package com.verivus.dag.isolation;

import com.verivus.dag.validate.ValidationMode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one {@code isolate run} needs, resolved from the command line and the environment.
 *
 * @param repo the repository as given on the command line (resolved against the working directory)
 * @param dagFile the DAG to execute; empty for the shipped {@code per-project-isolation.dag.toml}
 * @param report where to write the JSON evidence report, if anywhere
 * @param gatewayCommand a shell command that starts the gateway ({@code --gateway-command} or
 *                       {@code LLM_GATEWAY_COMMAND}); empty to use {@code jbang gateway@verivus}
 * @param gatewayUrl an already-running gateway to verify instead of starting one
 * @param token the bearer token for {@code gatewayUrl}
 * @param serverName overrides {@code policy.instance.mcp_server_name}
 * @param environment the environment checked for legacy variables and handed to the gateway
 * @param home the HOME whose shell init files are searched (and whose ~/.jbang/bin/jbang is tried)
 * @param jbangLauncher the JBang launcher that started this isolate (JBANG_LAUNCH_CMD, e.g. the clone's
 *                      {@code ./jbang}), the last resort for starting the gateway
 * @param extraInitFiles further files searched for legacy variables (the system-wide ones in production)
 */
public record IsolationSettings(Path repo, Optional<Path> dagFile, ValidationMode mode, boolean dryRun,
                                Optional<Path> report, Optional<String> gatewayCommand, Optional<URI> gatewayUrl,
                                Optional<String> token, Optional<String> serverName, Duration startTimeout,
                                Map<String, String> environment, Path home, Optional<Path> jbangLauncher,
                                java.util.List<Path> extraInitFiles) {

    /** The system-wide shell init files a production run also searches for legacy variables. */
    public static java.util.List<Path> systemInitFiles() {
        return LegacyVariableScan.systemFiles();
    }

    /** What JBang's launcher exports about how isolate itself was started; no MCP client has these. */
    private static final java.util.Set<String> OWN_LAUNCH_VARIABLES =
            java.util.Set.of("JBANG_LAUNCH_CMD", "JBANG_RUNTIME_SHELL", "JBANG_STDIN_NOTTY");

    /** The environment a client started from the same shell would pass on: isolate's, minus its own launch. */
    public Map<String, String> clientEnvironment() {
        Map<String, String> env = new java.util.LinkedHashMap<>(environment);
        env.keySet().removeAll(OWN_LAUNCH_VARIABLES);
        return env;
    }

    public IsolationSettings {
        environment = Map.copyOf(environment);
        extraInitFiles = java.util.List.copyOf(extraInitFiles);
    }
}
