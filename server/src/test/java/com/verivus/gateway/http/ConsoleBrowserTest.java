package com.verivus.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in a real browser: Debian's chromium, headless, driven by playwright-core
 * ({@code src/test/resources/console/browser-check.cjs}) against a real gateway with the fake CLIs. It
 * logs in with a one-time link, watches a job started through MCP appear and finish, opens its output,
 * cancels a hanging job from the page (confirming the dialog), checks that a {@code <script>} prompt is
 * shown as text, and takes a screenshot per page into {@code target/console-screenshots/}. Under
 * {@code CI=true} a missing chromium or playwright-core fails the test; elsewhere it is skipped.
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String SCRIPT_PROMPT = "<script>window.__consolePwned = true</script><b>bold?</b>";

    @TempDir
    Path temp;

    static Path playwrightModules() {
        String cache = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        return Path.of(cache, "llm-cli-gateway", "npm-playwright", "node_modules");
    }

    private static void requireTools() {
        Path playwright = playwrightModules().resolve("playwright-core").resolve("package.json");
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " (apt-get install chromium)"
                : !Files.isRegularFile(playwright) ? playwright + " (npm install --prefix "
                + playwrightModules().getParent() + " playwright-core)" : null;
        if (missing == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("the console browser test needs " + missing + "; .ci/run installs both");
        }
        Assumptions.abort("missing " + missing);
    }

    @Test
    void aPersonLogsInWatchesJobsReadsOutputCancelsAndSeesScriptsAsText() throws Exception {
        requireTools();
        Path shots = Files.createDirectories(Path.of(System.getProperty("user.dir"), "target", "console-screenshots"));
        Path script = Path.of(System.getProperty("user.dir"), "src", "test", "resources", "console",
                "browser-check.cjs");
        try (ConsoleGateway gw = ConsoleGateway.start(temp, Map.of("FAKE_CLI_MODE_CLAUDE", "slow",
                "FAKE_CLI_SLEEP_MS", "1500"))) {
            ProcessBuilder pb = new ProcessBuilder(List.of("node", script.toString()));
            pb.environment().put("NODE_PATH", playwrightModules().toString());
            pb.environment().put("LOGIN_URL", gw.loginLink());
            pb.environment().put("SCREENSHOTS", shots.toString());
            pb.redirectError(ProcessBuilder.Redirect.INHERIT); // the script's steps go to the test's stderr
            Process node = pb.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8)); Writer in = node.outputWriter(StandardCharsets.UTF_8)) {
                CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readLine(out));
                assertThat(ready.get(120, TimeUnit.SECONDS)).as("the page did not open").isEqualTo("READY");

                String done = gw.startJob("claude_request_async", "hello from the browser test");
                String hanging = gw.startJob("gemini_request_async", SCRIPT_PROMPT);
                in.write("JOBS " + done + " " + hanging + " " + new ObjectMapper().writeValueAsString(SCRIPT_PROMPT)
                        + "\n");
                in.flush();

                CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> readLine(out));
                assertThat(result.get(180, TimeUnit.SECONDS)).as("browser check (steps on stderr)").isEqualTo("OK");
                assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(node.exitValue()).isZero();
                assertThat(gw.tool("llm_job_status", Map.of("jobId", hanging)).toString()).contains("canceled");
            } finally {
                node.destroyForcibly();
            }
        }
        for (String page : List.of("jobs", "job-output", "jobs-canceled", "requests", "sessions", "health")) {
            assertThat(shots.resolve(page + ".png")).isNotEmptyFile();
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            String line = reader.readLine();
            return line == null ? "<end of output>" : line;
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }
}
