package com.verivus.dag.isolation;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to start the gateway the way an MCP client configured with {@code jbang gateway@verivus} would:
 * an explicit command ({@code --gateway-command} / {@code LLM_GATEWAY_COMMAND}, run by {@code sh -c}),
 * else JBang from PATH, else {@code ~/.jbang/bin/jbang} (which this repository's {@code ./jbang}
 * bootstrap writes), else the JBang launcher isolate itself was started with (the clone's {@code ./jbang}).
 */
record GatewayCommandLine(List<String> argv, String description) {

    static final List<String> GATEWAY_ARGS = List.of("gateway@verivus", "--transport=http");

    static Optional<GatewayCommandLine> resolve(IsolationSettings settings) {
        if (settings.gatewayCommand().isPresent()) {
            String command = settings.gatewayCommand().get();
            // exec lets a simple command replace the shell, so the gateway is our child and stops with it;
            // a compound one (&&, ;, |, leading VAR=value) keeps the shell, and the process tree is stopped instead.
            boolean simple = command.matches("(?s)[^;&|\\n]*") && !command.matches("(?s)\\s*[A-Za-z_][A-Za-z0-9_]*=.*");
            String script = simple ? "exec " + command : command;
            return Optional.of(new GatewayCommandLine(List.of("/bin/sh", "-c", script), command));
        }
        List<Path> candidates = new ArrayList<>();
        String path = settings.environment().get("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "jbang"));
                }
            }
        }
        candidates.add(settings.home().resolve(".jbang/bin/jbang"));
        settings.jbangLauncher().ifPresent(candidates::add);
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                List<String> argv = new ArrayList<>();
                argv.add(candidate.toString());
                argv.addAll(GATEWAY_ARGS);
                return Optional.of(new GatewayCommandLine(argv, String.join(" ", argv)));
            }
        }
        return Optional.empty();
    }
}
