package com.verivus.gateway.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.process.ExecutableSearch;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The command {@code gateway start} runs in the background. By default it relaunches this very
 * program: the java executable, JVM options and class path of the running JVM (under JBang, the jar JBang
 * built from gateway.java and server sources), the given main class (the command line passes its own entry
 * point, so this package does not depend on it), {@code --transport=http}.
 * {@code LLM_GATEWAY_START_COMMAND} replaces it (a JSON array of strings, or words separated by
 * spaces), for packagings that launch differently and for tests.
 * On Linux the command runs under {@code setsid} so that it leaves the terminal's session: closing
 * the terminal (SIGHUP) or Ctrl-C in it no longer reaches the gateway.
 */
public final class LaunchCommand {

    public static final String OVERRIDE_ENV = "LLM_GATEWAY_START_COMMAND";
    private static final String AOT_CACHE = "-XX:AOTCache=";
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    /** Options of this one JVM that a background gateway must not repeat: agents (a debugger's port), AOT training. */
    private static final List<String> NOT_INHERITED = List.of("-agentlib:", "-agentpath:", "-javaagent:",
            "-XX:AOTCacheOutput=", "-XX:AOTMode=", "-XX:AOTConfiguration=");
    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private LaunchCommand() {
    }

    public static List<String> resolve(GatewayEnvironment env, String mainClass) {
        List<String> command = env.nonBlank(OVERRIDE_ENV).map(LaunchCommand::parse)
                .orElseGet(() -> relaunch(mainClass));
        Optional<Path> setsid = ExecutableSearch.find(env, "setsid")
                .or(() -> Optional.of(Path.of("/usr/bin/setsid")).filter(Files::isExecutable));
        if (setsid.isEmpty()) {
            return command;
        }
        List<String> detached = new ArrayList<>();
        detached.add(setsid.get().toString());
        detached.addAll(command);
        return detached;
    }

    /** java, this JVM's own options, -cp this class path, mainClass --transport=http. */
    static List<String> relaunch(String mainClass) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return relaunch(java, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"), mainClass, Files::isRegularFile);
    }

    /**
     * The relaunch command: the options this JVM was started with (under {@code ./jbang}, gateway.java's
     * {@code //JAVA_OPTIONS} and the AOT cache: a background HTTP gateway is as light as any other launch), with
     * stdio's AOT cache swapped for HTTP mode's ({@code X-http.aot} beside {@code X.aot}, as {@code ./jbang} names
     * them) when that one exists.
     */
    static List<String> relaunch(String java, List<String> jvmOptions, String classPath, String mainClass,
                                 Predicate<Path> exists) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        String stdioCache = null;
        for (String option : jvmOptions) {
            if (option.startsWith(AOT_CACHE) && option.endsWith(".aot") && !option.endsWith("-http.aot")) {
                stdioCache = option.substring(AOT_CACHE.length());
            }
        }
        String httpCache = stdioCache == null ? null
                : stdioCache.substring(0, stdioCache.length() - ".aot".length()) + "-http.aot";
        boolean swap = httpCache != null && exists.test(Path.of(httpCache));
        for (String option : jvmOptions) {
            if (NOT_INHERITED.stream().noneMatch(option::startsWith)) {
                cmd.add(swap && option.endsWith("=" + stdioCache) ? option.replace(stdioCache, httpCache) : option);
            }
        }
        if (!cmd.contains(NATIVE_ACCESS)) {
            cmd.add(NATIVE_ACCESS); // sqlite-jdbc loads a native library
        }
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.add("--transport=http");
        return cmd;
    }

    static List<String> parse(String spec) {
        String s = spec.strip();
        if (s.startsWith("[")) {
            try {
                List<String> list = JSON.readValue(s, new TypeReference<List<String>>() { });
                if (list.isEmpty()) {
                    throw new IllegalArgumentException(OVERRIDE_ENV + " is an empty list");
                }
                return list;
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(OVERRIDE_ENV + " is not a JSON array of strings: "
                        + e.getOriginalMessage());
            }
        }
        return Arrays.stream(s.split("\\s+")).toList();
    }
}
