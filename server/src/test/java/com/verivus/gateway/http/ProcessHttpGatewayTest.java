package com.verivus.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.log.ListeningLine;
import com.verivus.gateway.testing.GatewayProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway contract on a real {@code gateway --transport=http} process, plus its lifecycle. */
class ProcessHttpGatewayTest extends AbstractHttpGatewaySuite {

    @TempDir
    static Path temp;

    GatewayProcess gateway;
    URI url;

    @BeforeAll
    void startProcess() throws Exception {
        gateway = start("main", Map.of("LLM_GATEWAY_AUTH_TOKEN", TOKEN,
                "LLM_GATEWAY_HTTP_MAX_BODY_BYTES", String.valueOf(MAX_BODY)));
        url = gateway.awaitUrl();
    }

    @AfterAll
    void stopProcess() throws Exception {
        gateway.close();
    }

    static GatewayProcess start(String name, Map<String, String> env) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(name));
        Path home = Files.createDirectories(dir.resolve("home"));
        return GatewayProcess.builder(home).workingDirectory(dir).http().env(env).start();
    }

    @Override
    URI mcpUrl() {
        return url;
    }

    @Override
    List<String> expectedToolNames() {
        return List.of(); // whatever the runtime registers; the catalogue is still being written
    }

    @Test
    void logsTheListeningLineExactlyOnceWithTheEphemeralPort() {
        Matcher m = ListeningLine.PATTERN.matcher(gateway.stderr());
        int count = 0;
        while (m.find()) {
            count++;
        }
        assertThat(count).isEqualTo(1);
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPort()).isPositive().isNotEqualTo(3333);
        assertThat(url.getPath()).isEqualTo("/mcp");
        assertThat(gateway.stderr()).contains("[INFO] ").contains(" - HTTP gateway listening on http://127.0.0.1:");
    }

    @Test
    void processHealthServesTheLlmProcessHealthBody() throws Exception {
        HttpResponse<String> r = request("GET", url("/process-health"), Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r.body()).path("success").asBoolean()).isTrue();
        assertThat(json(r.body()).at("/persistence/backend").asText()).isEqualTo("sqlite");
    }

    @Test
    void sigtermEndsOpenStreamsAndExitsZeroPromptly() throws Exception {
        try (GatewayProcess doomed = start("sigterm", Map.of("LLM_GATEWAY_AUTH_TOKEN", TOKEN))) {
            URI mcp = doomed.awaitUrl();
            HttpResponse<String> init = postInitialize(mcp);
            String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
            HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(mcp).GET()
                    .header("Authorization", "Bearer " + TOKEN).header("Accept", "text/event-stream")
                    .header("Mcp-Session-Id", session).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            CompletableFuture<byte[]> rest = CompletableFuture.supplyAsync(() -> {
                try {
                    return stream.body().readAllBytes();
                } catch (java.io.IOException e) {
                    return new byte[0]; // a reset also counts as ended
                }
            });

            long started = System.nanoTime();
            doomed.terminate();
            int exit = doomed.awaitExit(Duration.ofSeconds(15));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            System.err.println("SIGTERM to exit: " + took.toMillis() + " ms");
            assertThat(exit).as(doomed.stderr()).isZero();
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(rest.get(5, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
            assertThat(doomed.stderr()).contains("HTTP gateway stopping");
        }
    }

    @Test
    void aPortInUseFailsFastWithExitCode1InsteadOfHanging() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress());
             GatewayProcess clash = start("inuse", Map.of("LLM_GATEWAY_HTTP_PORT",
                     String.valueOf(taken.getLocalPort()), "LLM_GATEWAY_AUTH_TOKEN", TOKEN))) {
            assertThat(clash.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(clash.stderr()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("listening on");
        }
    }

    @Test
    void invalidPortSettingFailsFastWithAClearMessage() throws Exception {
        try (GatewayProcess bad = start("badport", Map.of("LLM_GATEWAY_HTTP_PORT", "http",
                "LLM_GATEWAY_AUTH_TOKEN", TOKEN))) {
            assertThat(bad.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(bad.stderr()).contains("LLM_GATEWAY_HTTP_PORT must be a port number 0-65535, got 'http'");
        }
    }
}
