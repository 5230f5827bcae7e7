package com.verivus.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import com.verivus.gateway.testing.JsonRpc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ./jbang bootstrap's launch cache, on a copy of the repository with its own JBang home: a cold
 * launch builds and caches the java command line, a warm one reuses it, an edited source file makes
 * the next launch rebuild and run the new code, and the AOT cache built by {@code print-client-config}
 * is used, and when corrupt is dropped with one warning. In every launch stdout carries only JSON-RPC.
 * Two JBang builds of gateway.java: allow minutes on a busy machine.
 */
class JBangLaunchCacheE2ETest {

    private static final Duration BUILD = Duration.ofSeconds(300);

    @TempDir
    Path home;

    @TempDir
    Path clone;

    @Test
    void theLaunchCacheFollowsSourceEditsAndTheAotCacheFallsBackCleanly() throws IOException {
        copyRepository(GatewayProcess.repoRoot(), clone);
        Path launchCache = home.resolve(".jbang/cache/llm-cli-gateway-launch");

        // cold: JBang builds; the line is cached. No AOT training in the background, to keep this deterministic.
        assertThat(serverName(launch().env("LLM_GATEWAY_AOT", "off"))).isEqualTo("llm-cli-gateway");
        Path entry = onlyFile(launchCache, ".launch");
        String firstLine = Files.readString(entry);

        // warm: the cached line as it was
        assertThat(serverName(launch().env("LLM_GATEWAY_AOT", "off"))).isEqualTo("llm-cli-gateway");
        assertThat(Files.readString(entry)).isEqualTo(firstLine);

        // an edited source file: the next launch rebuilds and runs the edited code
        Path version = clone.resolve("server/src/main/java/com/verivus/gateway/config/GatewayVersion.java");
        String source = Files.readString(version);
        String edited = source.replace("NAME = \"llm-cli-gateway\"", "NAME = \"llm-cli-gateway-edited\"");
        assertThat(edited).as("the edit this test makes").isNotEqualTo(source);
        Files.writeString(version, edited);
        assertThat(serverName(launch().env("LLM_GATEWAY_AOT", "off"))).isEqualTo("llm-cli-gateway-edited");
        assertThat(Files.readString(entry)).isNotEqualTo(firstLine);

        // a source file added, no known file touched: the set of inputs changed, so JBang builds again
        String[] beforeAdd = Files.readString(entry).split("\n", 3);
        Path added = version.resolveSibling("LaunchCacheProbe.java");
        Files.writeString(added, "package com.verivus.gateway.config;\n\nfinal class LaunchCacheProbe {\n}\n");
        assertThat(serverName(launch().env("LLM_GATEWAY_AOT", "off"))).isEqualTo("llm-cli-gateway-edited");
        String[] afterAdd = Files.readString(entry).split("\n", 3);
        assertThat(afterAdd[0]).as("the key").isNotEqualTo(beforeAdd[0]);
        assertThat(afterAdd[1]).as("JBang's java command line (its jar is named by the sources)")
                .isNotEqualTo(beforeAdd[1]);
        Files.delete(added);

        // print-client-config trains the AOT cache in the foreground; its stdout is the configuration alone
        try (GatewayProcess gw = launch().args("print-client-config").start()) {
            gw.closeStdin();
            List<String> out = new ArrayList<>();
            for (Optional<String> line; (line = gw.readLine(BUILD)).isPresent(); ) {
                out.add(line.get());
            }
            assertThat(gw.awaitExit(Duration.ofSeconds(60))).as(gw.stderr()).isZero();
            assertThat(String.join("\n", out)).contains("llm-cli-gateway").doesNotContain("[jbang-bootstrap]");
        }
        Path aot = onlyFile(launchCache, ".aot");

        // with the AOT cache: no warning
        GatewayProcess.Builder withAot = launch();
        assertThat(serverName(withAot, stderr -> assertThat(AotCacheFallbackE2ETest.warnings(stderr)).isEmpty()))
                .isEqualTo("llm-cli-gateway-edited");

        // HTTP mode has a cache of its own (stdio's must not load HTTP's classes at every start): none yet, so
        // the first HTTP launch trains it in the background (as the training's parent, it runs meanwhile:
        // this harness kills a gateway's descendants with it); stdio's cache stays
        Path httpAot = aot.resolveSibling(aot.getFileName().toString().replace(".aot", "-http.aot"));
        String token = "launch-cache-http-token-0123456789";
        GatewayProcess first = launch().http().env("LLM_GATEWAY_AUTH_TOKEN", token).start();
        try (GatewayClient client = GatewayClient.connectHttp(first, token)) {
            assertThat(client.toolNames()).hasSize(40);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!(Files.isRegularFile(httpAot) && Files.size(httpAot) > 0) && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(500));
            }
        }
        assertThat(httpAot).as("HTTP mode's AOT cache, trained after its first launch").isNotEmptyFile();
        assertThat(aot).as("stdio's AOT cache").isNotEmptyFile();
        // the next HTTP launch runs with it (the java command names it), without a warning
        GatewayProcess second = launch().http().env("LLM_GATEWAY_AUTH_TOKEN", token).start();
        try (GatewayClient client = GatewayClient.connectHttp(second, token)) {
            assertThat(client.toolNames()).hasSize(40);
            assertThat(Files.readString(Path.of("/proc", String.valueOf(second.pid()), "cmdline")))
                    .contains("-XX:AOTCache=" + httpAot + "\0");
            assertThat(AotCacheFallbackE2ETest.warnings(client.stderr())).isEmpty();
        }
        // stdio still runs with its own
        GatewayProcess stdio = launch().start();
        try {
            stdio.send(JsonRpc.initialize(1));
            assertThat(stdio.readLine(BUILD)).as("the initialize answer: the bootstrap has become java").isPresent();
            assertThat(Files.readString(Path.of("/proc", String.valueOf(stdio.pid()), "cmdline")))
                    .contains("-XX:AOTCache=" + aot + "\0");
        } finally {
            stdio.close();
        }

        // a corrupt AOT cache: a normal start, one warning, and the file removed so that it is rebuilt
        Files.write(aot, new byte[4096]);
        assertThat(serverName(launch().env("LLM_GATEWAY_AOT", null),
                stderr -> assertThat(AotCacheFallbackE2ETest.warnings(stderr)).singleElement().asString()
                        .contains("could not be used")))
                .isEqualTo("llm-cli-gateway-edited");
        assertThat(aot).doesNotExist();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private GatewayProcess.Builder launch() {
        return GatewayProcess.builder(home).launch(GatewayProcess.Launch.JBANG).jbangRepo(clone);
    }

    private static String serverName(GatewayProcess.Builder launch) throws IOException {
        return serverName(launch, stderr -> { });
    }

    /** initialize + tools/list through the launch; asserts stdout is JSON-RPC only; returns serverInfo.name. */
    private static String serverName(GatewayProcess.Builder launch, java.util.function.Consumer<String> stderrCheck)
            throws IOException {
        try (GatewayProcess gw = launch.start()) {
            gw.sendAll(List.of(JsonRpc.initialize(1), JsonRpc.initialized(), JsonRpc.request(2, "tools/list", "{}")))
                    .closeStdin();
            List<JsonNode> replies = new ArrayList<>();
            for (Optional<String> line; (line = gw.readLine(BUILD)).isPresent(); ) {
                replies.add(AotCacheFallbackE2ETest.jsonRpc(line.get()));
            }
            assertThat(gw.awaitExit(Duration.ofSeconds(60))).as(gw.stderr()).isZero();
            assertThat(replies).extracting(r -> r.path("id").asInt()).containsExactly(1, 2);
            stderrCheck.accept(gw.stderr());
            return replies.get(0).at("/result/serverInfo/name").asText();
        }
    }

    private static Path onlyFile(Path dir, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).as("%s files in %s", suffix, dir).hasSize(1);
            return found.get(0);
        }
    }

    /** What ./jbang gateway@verivus needs: the bootstrap, .mvn/, the entry script, the catalog, server sources. */
    private static void copyRepository(Path from, Path to) throws IOException {
        for (String file : List.of("jbang", "mvnw", "gateway.java", "jbang-catalog.json")) {
            Files.copy(from.resolve(file), to.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (String dir : List.of(".mvn", "server/src/main")) {
            try (Stream<Path> tree = Files.walk(from.resolve(dir))) {
                for (Path p : (Iterable<Path>) tree::iterator) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }
}
