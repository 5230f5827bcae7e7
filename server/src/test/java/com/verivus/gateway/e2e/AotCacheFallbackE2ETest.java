package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.testing.GatewayProcess;
import com.verivus.gateway.testing.JsonRpc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JDK AOT cache that is missing or corrupt must not cost the client anything but speed: the gateway
 * starts, stdout carries only JSON-RPC (the JVM would print its AOT errors on stdout unless gateway.java's
 * {@code -Xlog} options send its logging elsewhere), and stderr says so exactly once. The JVM options are
 * read from gateway.java's {@code //JAVA_OPTIONS}, so this checks the options every launch gets.
 */
class AotCacheFallbackE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void aMissingAotCacheStartsNormallyWithOneWarning() throws IOException {
        Path missing = home.resolve("no-such.aot");
        String stderr = serveToolsList(missing);
        assertThat(warnings(stderr)).singleElement().asString().contains(missing.toString());
    }

    @Test
    void aCorruptAotCacheStartsNormallyWithOneWarningAndIsRemovedForARebuild() throws IOException {
        Path corrupt = home.resolve("corrupt.aot");
        byte[] junk = new byte[64 * 1024];
        new Random(11).nextBytes(junk);
        Files.write(corrupt, junk);

        String stderr = serveToolsList(corrupt);

        assertThat(warnings(stderr)).singleElement().asString().contains(corrupt.toString());
        assertThat(corrupt).doesNotExist();
    }

    /** initialize + tools/list over stdio with the cache named; returns stderr after asserting stdout. */
    private String serveToolsList(Path aotCache) throws IOException {
        List<String> jvm = new ArrayList<>(entryScriptJavaOptions());
        jvm.add("-XX:AOTCache=" + aotCache);
        jvm.add("-Dllm.gateway.aot.cache=" + aotCache);
        GatewayProcess.Builder launch = GatewayProcess.builder(home).jvmArgs(jvm.toArray(String[]::new));
        try (GatewayProcess gw = launch.start()) {
            gw.sendAll(List.of(JsonRpc.initialize(1), JsonRpc.initialized(), JsonRpc.request(2, "tools/list", "{}")))
                    .closeStdin();
            List<JsonNode> replies = new ArrayList<>();
            for (Optional<String> line; (line = gw.readLine(Duration.ofSeconds(60))).isPresent(); ) {
                replies.add(jsonRpc(line.get()));
            }
            assertThat(gw.awaitExit(Duration.ofSeconds(30))).as(gw.stderr()).isZero();
            assertThat(replies).extracting(r -> r.path("id").asInt()).containsExactly(1, 2);
            assertThat(replies.get(1).at("/result/tools").size()).isPositive();
            return gw.stderr();
        }
    }

    static JsonNode jsonRpc(String line) {
        JsonNode msg;
        try {
            msg = JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("stdout carried a non-JSON line: " + line, e);
        }
        assertThat(msg.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
        return msg;
    }

    /** Lines on stderr that speak of the AOT cache (the gateway's warning, or any JVM message about it). */
    static List<String> warnings(String stderr) {
        return stderr.lines().filter(l -> l.contains("AOT") || l.contains("aot")).toList();
    }

    /** The JVM options declared in gateway.java, as JBang passes them. */
    static List<String> entryScriptJavaOptions() throws IOException {
        return Files.readAllLines(GatewayProcess.repoRoot().resolve("gateway.java")).stream()
                .filter(l -> l.startsWith("//JAVA_OPTIONS "))
                .flatMap(l -> Arrays.stream(l.substring("//JAVA_OPTIONS ".length()).trim().split("\\s+")))
                .toList();
    }
}
