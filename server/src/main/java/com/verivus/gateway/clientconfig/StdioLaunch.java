package com.verivus.gateway.clientconfig;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.process.ExecutableSearch;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an MCP client starts the gateway over stdio: this repository's {@code jbang} bootstrap (an
 * absolute path, found from {@code LLM_GATEWAY_JBANG}, the bootstrap's own {@code JBANG_LAUNCH_CMD},
 * the location of this code, or the working directory), else {@code jbang} on PATH, with the
 * argument {@code gateway@verivus} and {@code JAVA_HOME} set to the JDK running now (clients often
 * start servers with a bare environment).
 */
public record StdioLaunch(String command, List<String> args, String javaHome) {

    public static final String ALIAS = "gateway@verivus";
    public static final String OVERRIDE_ENV = "LLM_GATEWAY_JBANG";

    public static StdioLaunch detect(GatewayEnvironment env) {
        return new StdioLaunch(jbang(env), List.of(ALIAS), Path.of(System.getProperty("java.home")).toString());
    }

    /** The jbang bootstrap (or jbang) that runs this gateway, as an absolute path when one is known. */
    public static String jbang(GatewayEnvironment env) {
        Optional<String> explicit = env.nonBlank(OVERRIDE_ENV);
        if (explicit.isPresent()) {
            return env.workingDirectory().resolve(explicit.get()).normalize().toString();
        }
        List<Path> starts = new ArrayList<>();
        env.nonBlank("JBANG_LAUNCH_CMD").map(c -> env.workingDirectory().resolve(c).getParent())
                .ifPresent(starts::add);
        codeLocation().ifPresent(starts::add);
        starts.add(env.workingDirectory());
        for (Path start : starts) {
            Optional<Path> repo = repoRoot(start);
            if (repo.isPresent()) {
                return repo.get().resolve("jbang").toString();
            }
        }
        return ExecutableSearch.find(env, "jbang").map(Path::toString).orElse("jbang");
    }

    /** The nearest directory at or above {@code start} holding jbang-catalog.json and an executable jbang. */
    static Optional<Path> repoRoot(Path start) {
        for (Path dir = start == null ? null : start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("jbang-catalog.json")) && Files.isExecutable(dir.resolve("jbang"))
                    && Files.isRegularFile(dir.resolve("gateway.java"))) {
                try {
                    return Optional.of(dir.toRealPath());
                } catch (java.io.IOException e) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> codeLocation() {
        try {
            CodeSource source = StdioLaunch.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
