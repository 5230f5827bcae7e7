package com.verivus.gateway.cli;

import com.verivus.gateway.testing.HermeticPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.lifecycle.LaunchCommand;
import com.verivus.gateway.lifecycle.PidFile;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gateway start / status / stop run as separate processes, the way a user runs them: the gateway
 * started in the background must outlive the start command.
 */
class GatewayLifecycleProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @AfterEach
    void killLeftovers() {
        new PidFile(home.resolve(".llm-cli-gateway/gateway.pid")).read().flatMap(ProcessHandle::of)
                .ifPresent(ProcessHandle::destroyForcibly);
    }

    private Map<String, String> env(int port, boolean testServer) throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.putAll(HermeticPath.environment(HermeticPath.systemTools(), home));
        vars.put("LLM_GATEWAY_HTTP_PORT", String.valueOf(port));
        vars.put("LLM_GATEWAY_START_TIMEOUT_MS", "60000");
        if (testServer) {
            Path testClasses = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
            vars.put(LaunchCommand.OVERRIDE_ENV, JSON.writeValueAsString(List.of(
                    ProcessHandle.current().info().command().orElseThrow(), "-cp", testClasses.toString(),
                    "com.verivus.gateway.lifecycle.TestHealthServer")));
        }
        return vars;
    }

    private ProcessRun gateway(Map<String, String> vars, String... args) {
        return ProcessRun.java(GatewayCommand.class.getName(), vars, home, 90, args);
    }

    @Test
    void theBackgroundGatewayOutlivesStartAndIsStoppedByAnotherProcess() throws Exception {
        int port = freePort();
        Map<String, String> vars = env(port, true);

        ProcessRun start = gateway(vars, "start");
        assertThat(start.exitCode()).as(start.err()).isZero();
        assertThat(start.out()).startsWith("llm-cli-gateway started (pid ");
        // the stop command as it can be typed: this clone's bootstrap by absolute path
        assertThat(start.out().lines())
                .anySatisfy(l -> assertThat(l).matches("  stop: /\\S+/jbang gateway@verivus stop"));
        long pid = new PidFile(home.resolve(".llm-cli-gateway/gateway.pid")).read().orElseThrow();
        // the start JVM has exited; its child lives on, in a session of its own (setsid)
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).hasValue(true);
        assertThat(health(port)).isEqualTo("200 {\"ok\":true,\"sessions\":0}");
        assertThat(Files.readString(Path.of("/proc/" + pid + "/stat")).split(" ")[5]) // session id
                .isEqualTo(String.valueOf(pid));

        ProcessRun status = gateway(vars, "status", "--json");
        JsonNode s = JSON.readTree(status.out());
        assertThat(s.get("running").asBoolean()).isTrue();
        assertThat(s.get("pid").asLong()).isEqualTo(pid);
        assertThat(s.get("healthy").asBoolean()).isTrue();
        assertThat(s.get("url").asText()).isEqualTo("http://127.0.0.1:" + port + "/mcp");

        ProcessRun again = gateway(vars, "start");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith("llm-cli-gateway is already running (pid " + pid + ")");

        ProcessRun stop = gateway(vars, "stop");
        assertThat(stop.exitCode()).as(stop.err()).isZero();
        assertThat(stop.out().strip()).isEqualTo("llm-cli-gateway stopped (pid " + pid + ")");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        ProcessRun stopAgain = gateway(vars, "stop");
        assertThat(stopAgain.exitCode()).isZero();
        assertThat(stopAgain.out().strip()).isEqualTo("llm-cli-gateway is not running");
        ProcessRun plainStatus = gateway(vars, "status");
        assertThat(plainStatus.exitCode()).isZero();
        assertThat(plainStatus.out()).startsWith("llm-cli-gateway is not running (would serve http://127.0.0.1:" + port);
    }

    /**
     * Without LLM_GATEWAY_START_COMMAND, start relaunches this program's own JVM and class path with
     * GatewayCommand --transport=http: the real gateway must come up, answer /healthz with the token
     * start generated, report itself in status, and stop.
     */
    @Test
    void startRelaunchesThisGatewayWithTransportHttp() throws Exception {
        int port = freePort();
        Map<String, String> vars = env(port, false);
        ProcessRun start = gateway(vars, "start");
        String errLog = Files.readString(home.resolve(".llm-cli-gateway/gateway.err.log"));
        assertThat(start.exitCode()).as(start.err() + errLog).isZero();
        assertThat(health(port)).startsWith("200 ");
        assertThat(errLog).contains("listening on http://127.0.0.1:" + port);
        assertThat(home.resolve(".llm-cli-gateway/gateway.pid")).exists();
        ProcessRun status = gateway(vars, "status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("running").contains("http://127.0.0.1:" + port);
        // start and status each print a fresh one-time console login link that the running gateway accepts once
        for (ProcessRun printed : List.of(start, status)) {
            String link = printed.out().lines().filter(l -> l.startsWith("  console: ")).findFirst().orElseThrow()
                    .substring("  console: ".length()).split(" ")[0];
            assertThat(link).startsWith("http://127.0.0.1:" + port + "/login?code=");
            assertThat(login(link)).isEqualTo(303);
            assertThat(login(link)).isEqualTo(403);
        }
        assertThat(gateway(vars, "stop").exitCode()).isZero();
        assertThat(home.resolve(".llm-cli-gateway/gateway.pid")).doesNotExist();
        assertThat(home.resolve(".llm-cli-gateway/auth-token")).exists();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int login(String link) throws Exception {
        try (HttpClient c = HttpClient.newHttpClient()) {
            return c.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static String health(int port) throws Exception {
        try (HttpClient c = HttpClient.newHttpClient()) {
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        }
    }
}
