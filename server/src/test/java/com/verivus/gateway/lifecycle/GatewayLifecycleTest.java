package com.verivus.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.config.GatewayEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** start / status / stop against real background processes on free loopback ports. */
class GatewayLifecycleTest {

    /** What start would relaunch; these tests replace the command with LLM_GATEWAY_START_COMMAND. */
    private static final String MAIN_CLASS = "com.verivus.gateway.cli.GatewayCommand";

    @TempDir
    Path home;
    private GatewayEnvironment lastEnv;

    private GatewayLifecycle lifecycle(int port, Map<String, String> extra) {
        lastEnv = LifecycleHarness.env(home, port, extra);
        return new GatewayLifecycle(lastEnv);
    }

    @AfterEach
    void stopLeftovers() {
        new PidFile(home.resolve(".llm-cli-gateway/gateway.pid")).read()
                .flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void startStatusStopAreRealAndIdempotent() throws Exception {
        int port = LifecycleHarness.freePort();
        GatewayLifecycle lc = lifecycle(port, Map.of());
        GatewayFiles files = lc.files();

        GatewayLifecycle.Result started = lc.start(MAIN_CLASS);
        assertThat(started.exitCode()).as(started.message() + " " + started.errLogTail()).isZero();
        assertThat(started.message()).startsWith("llm-cli-gateway started (pid ")
                .contains("http://127.0.0.1:" + port + "/mcp").contains("auth-token (new)");
        long pid = new PidFile(files.pidFile()).read().orElseThrow();
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        // the token file: 64 hex chars, 0600, in a 0700 directory; the child got it and transport=http
        String token = Files.readString(files.authToken()).strip();
        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.authToken()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.directory()))).isEqualTo("rwx------");
        assertThat(get("http://127.0.0.1:" + port + "/mcp", token)).isEqualTo("200 {\"transport\":\"http\"}");
        assertThat(get("http://127.0.0.1:" + port + "/mcp", "wrong")).startsWith("401");
        assertThat(Files.readString(files.errLog())).contains("listening on http://127.0.0.1:" + port + "/mcp");
        assertThat(Files.readString(files.log())).contains("test gateway starting");

        LifecycleStatus status = lc.status();
        assertThat(status.running()).isTrue();
        assertThat(status.pid()).isEqualTo(pid);
        assertThat(status.healthy()).isTrue();
        assertThat(status.health()).isEqualTo("ok");
        assertThat(status.url()).isEqualTo("http://127.0.0.1:" + port + "/mcp");

        GatewayLifecycle.Result again = lc.start(MAIN_CLASS);
        assertThat(again.exitCode()).isZero();
        assertThat(again.message()).isEqualTo("llm-cli-gateway is already running (pid " + pid + ") at http://127.0.0.1:"
                + port + "/mcp");
        assertThat(Files.readString(files.authToken()).strip()).isEqualTo(token);

        GatewayLifecycle.Result stopped = lc.stop();
        assertThat(stopped.exitCode()).isZero();
        assertThat(stopped.message()).isEqualTo("llm-cli-gateway stopped (pid " + pid + ")");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(files.pidFile()).doesNotExist();
        assertThat(lc.status().running()).isFalse();
        assertThat(lc.status().health()).isEqualTo("no answer");

        GatewayLifecycle.Result stoppedAgain = lc.stop();
        assertThat(stoppedAgain.exitCode()).isZero();
        assertThat(stoppedAgain.message()).isEqualTo("llm-cli-gateway is not running");
    }

    @Test
    void anEnvironmentTokenIsPassedOnAndNoTokenFileIsWritten() throws Exception {
        int port = LifecycleHarness.freePort();
        GatewayLifecycle lc = lifecycle(port, Map.of("LLM_GATEWAY_AUTH_TOKEN", "env-token-123"));
        GatewayLifecycle.Result r = lc.start(MAIN_CLASS);
        assertThat(r.exitCode()).as(r.message() + " " + r.errLogTail()).isZero();
        assertThat(r.message()).endsWith("bearer token from LLM_GATEWAY_AUTH_TOKEN");
        assertThat(get("http://127.0.0.1:" + port + "/mcp", "env-token-123")).startsWith("200");
        assertThat(lc.files().authToken()).doesNotExist();
        assertThat(lc.stop().exitCode()).isZero();
    }

    @Test
    void anExistingTokenFileIsReused() throws Exception {
        int port = LifecycleHarness.freePort();
        GatewayLifecycle lc = lifecycle(port, Map.of());
        Files.createDirectories(lc.files().directory());
        Files.writeString(lc.files().authToken(), "file-token-xyz\n");
        assertThat(lc.start(MAIN_CLASS).exitCode()).isZero();
        assertThat(get("http://127.0.0.1:" + port + "/mcp", "file-token-xyz")).startsWith("200");
        assertThat(lc.stop().exitCode()).isZero();
    }

    @Test
    void anEphemeralPortIsLearnedFromTheListeningLine() throws Exception {
        GatewayLifecycle lc = lifecycle(0, Map.of());
        GatewayLifecycle.Result r = lc.start(MAIN_CLASS);
        assertThat(r.exitCode()).as(r.message() + " " + r.errLogTail()).isZero();
        String url = r.status().url();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/mcp").doesNotContain(":0/");
        assertThat(lc.status().url()).isEqualTo(url);
        assertThat(lc.status().healthy()).isTrue();
        assertThat(lc.stop().exitCode()).isZero();
    }

    @Test
    void aGatewayThatDiesFailsTheStartWithTheErrorLogTail() throws Exception {
        GatewayLifecycle lc = lifecycle(LifecycleHarness.freePort(), Map.of("TEST_SERVER_MODE", "die"));
        GatewayLifecycle.Result r = lc.start(MAIN_CLASS);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.message()).isEqualTo("gateway start failed: the gateway exited with status 3 before /healthz answered");
        assertThat(r.errLogTail()).anySatisfy(l -> assertThat(l).contains("fatal: cannot bind"));
        assertThat(lc.files().pidFile()).doesNotExist();
        assertThat(lc.status().running()).isFalse();
    }

    @Test
    void aGatewayThatNeverAnswersIsKilledAfterTheStartTimeout() throws Exception {
        GatewayLifecycle lc = lifecycle(LifecycleHarness.freePort(),
                Map.of("TEST_SERVER_MODE", "mute", GatewayLifecycle.START_TIMEOUT_ENV, "1500"));
        long start = System.nanoTime();
        GatewayLifecycle.Result r = lc.start(MAIN_CLASS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.message()).isEqualTo("gateway start failed: /healthz did not answer within 1.5 s (set "
                + GatewayLifecycle.START_TIMEOUT_ENV + " to wait longer)");
        assertThat(lc.files().pidFile()).doesNotExist();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("")
                .contains(TestHealthServer.class.getName()) && p.info().commandLine().orElse("").contains(home.toString())))
                .isEmpty();
    }

    @Test
    void stopKillsAGatewayThatIgnoresTerm() throws Exception {
        GatewayLifecycle lc = lifecycle(LifecycleHarness.freePort(),
                Map.of("TEST_SERVER_MODE", "ignore-term", GatewayLifecycle.STOP_GRACE_ENV, "700"));
        assertThat(lc.start(MAIN_CLASS).exitCode()).isZero();
        long pid = new PidFile(lc.files().pidFile()).read().orElseThrow();
        GatewayLifecycle.Result r = lc.stop();
        assertThat(r.exitCode()).isZero();
        assertThat(r.message()).isEqualTo("llm-cli-gateway stopped (pid " + pid + "; it ignored TERM for 700 ms and was killed)");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aStalePidFileIsIgnoredAndRemoved() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        GatewayLifecycle lc = lifecycle(LifecycleHarness.freePort(), Map.of());
        Files.createDirectories(lc.files().directory());
        Files.writeString(lc.files().pidFile(), dead.pid() + "\n");

        LifecycleStatus s = lc.status();
        assertThat(s.running()).isFalse();
        assertThat(s.note()).isEqualTo("gateway.pid names pid " + dead.pid() + ", which is not running (stale)");
        GatewayLifecycle.Result r = lc.stop();
        assertThat(r.exitCode()).isZero();
        assertThat(r.message()).isEqualTo("llm-cli-gateway is not running (removed a stale gateway.pid naming pid "
                + dead.pid() + ")");
        assertThat(lc.files().pidFile()).doesNotExist();
    }

    @Test
    void aPidReusedByAnOlderUnrelatedProcessIsNotTrusted() throws Exception {
        GatewayLifecycle lc = lifecycle(LifecycleHarness.freePort(), Map.of());
        Files.createDirectories(lc.files().directory());
        // our own JVM started before this pid file was written: a stale file naming a reused pid looks like this
        Files.writeString(lc.files().pidFile(), "1\n");
        Files.setLastModifiedTime(lc.files().pidFile(), java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(lc.status().running()).isFalse();
        GatewayLifecycle.Result r = lc.stop();
        assertThat(r.message()).contains("removed a stale gateway.pid naming pid 1");
        assertThat(ProcessHandle.of(1)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
    }

    @Test
    void aBadPortIsAClearError() {
        Map<String, String> vars = new HashMap<>(LifecycleHarness.env(home, 1, Map.of()).variables());
        vars.put("LLM_GATEWAY_HTTP_PORT", "70000");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new GatewayLifecycle(new GatewayEnvironment(vars, home, home)))
                .hasMessage("LLM_GATEWAY_HTTP_PORT must be an integer from 0 to 65535 (got \"70000\")");
    }

    private static String get(String url, String token) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        }
    }
}
