package com.verivus.gateway.http;

import com.verivus.gateway.log.ListeningLine;
import com.verivus.gateway.testing.HermeticPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as a real process: {@code java -cp target/classes:<runtime classpath>
 * com.verivus.gateway.cli.GatewayCommand --transport=http}, its URL parsed from the stderr line
 * other tools parse too.
 */
final class GatewayProcess implements AutoCloseable {

    static final Pattern LISTENING = ListeningLine.PATTERN;

    final Process process;
    private final StringBuffer stderr = new StringBuffer();
    private final CompletableFuture<URI> url = new CompletableFuture<>();
    private final Thread reader;

    private GatewayProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::readStderr, "gateway-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the gateway with only a hermetic PATH, HOME and LANG plus {@code env}, in {@code workDir}. */
    static GatewayProcess start(Path workDir, Path home, Map<String, String> env) throws IOException {
        Path target = Path.of(System.getProperty("user.dir")).resolve("target");
        String runtime = Files.readString(target.resolve("runtime-classpath.txt")).trim();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "--enable-native-access=ALL-UNNAMED", "-cp",
                target.resolve("classes") + java.io.File.pathSeparator + runtime,
                "com.verivus.gateway.cli.GatewayCommand", "--transport=http"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        Map<String, String> environment = pb.environment();
        environment.clear();
        environment.putAll(HermeticPath.environment(HermeticPath.systemTools(), home));
        environment.putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return new GatewayProcess(pb.start());
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** The MCP URL from the "listening on" line; fails with the stderr so far when it does not come. */
    URI awaitUrl() {
        try {
            return url.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("gateway did not report its URL; stderr:\n" + stderr, e);
        }
    }

    String stderr() {
        return stderr.toString();
    }

    int waitForExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("gateway still running after " + seconds + " s; stderr:\n" + stderr);
        }
        reader.join(5_000); // everything the process wrote is in stderr() afterwards
        return process.exitValue();
    }

    private void readStderr() {
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                stderr.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    url.complete(URI.create(m.group(1)));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        url.completeExceptionally(new IllegalStateException("stderr closed"));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
