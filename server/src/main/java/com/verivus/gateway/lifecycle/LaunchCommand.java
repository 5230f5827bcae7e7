package com.verivus.gateway.lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.process.ExecutableSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command {@code gateway start} runs in the background. By default it relaunches this very
 * program: the java executable and class path of the running JVM (under JBang, the jar JBang built
 * from gateway.java and server sources), the given main class (the command line passes its own entry
 * point, so this package does not depend on it), {@code --transport=http}.
 * {@code LLM_GATEWAY_START_COMMAND} replaces it (a JSON array of strings, or words separated by
 * spaces), for packagings that launch differently and for tests.
 * On Linux the command runs under {@code setsid} so that it leaves the terminal's session: closing
 * the terminal (SIGHUP) or Ctrl-C in it no longer reaches the gateway.
 */
public final class LaunchCommand {

    public static final String OVERRIDE_ENV = "LLM_GATEWAY_START_COMMAND";
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

    /** java [native-access] -cp <this class path> mainClass --transport=http. */
    static List<String> relaunch(String mainClass) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.add("--enable-native-access=ALL-UNNAMED"); // sqlite-jdbc loads a native library
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
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
