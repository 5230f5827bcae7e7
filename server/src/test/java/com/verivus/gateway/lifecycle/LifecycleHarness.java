package com.verivus.gateway.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.testing.HermeticPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Environments for lifecycle tests: a temp HOME, a free port, and the test gateway as start command. */
final class LifecycleHarness {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LifecycleHarness() {
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString());
    }

    static String testClasses() {
        try {
            return Path.of(TestHealthServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON array LLM_GATEWAY_START_COMMAND takes, running {@link TestHealthServer}. */
    static String testServerCommand() {
        try {
            return JSON.writeValueAsString(List.of(java(), "-cp", testClasses(), TestHealthServer.class.getName()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static GatewayEnvironment env(Path home, int port, Map<String, String> extra) {
        Map<String, String> vars = new HashMap<>();
        vars.putAll(HermeticPath.environment(HermeticPath.systemTools(), home));
        vars.put("LLM_GATEWAY_HTTP_PORT", String.valueOf(port));
        vars.put(LaunchCommand.OVERRIDE_ENV, testServerCommand());
        vars.putAll(extra);
        return new GatewayEnvironment(vars, home, home);
    }
}
