package com.verivus.dag.isolation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a gateway for one repository and waits, bounded, until it logs {@code listening on <url>} (on
 * stderr, where the gateway logs; stdout is accepted too, since in HTTP mode it carries no protocol).
 * It runs in the repository with the caller's environment, as any MCP client started there would run
 * it, plus an ephemeral port and a fresh random token; nothing points it at the project's config, so
 * U05 shows whether the gateway finds it by itself.
 */
final class GatewayLauncher {

    static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /** Either a gateway that is listening, or why it is not (its process already stopped). */
    sealed interface Outcome permits Started, Failed {
    }

    record Started(LaunchedGateway gateway, GatewayEndpoint endpoint) implements Outcome {
    }

    record Failed(String observed, java.util.List<String> outputTail) implements Outcome {
    }

    private GatewayLauncher() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static Outcome start(GatewayCommandLine command, Map<String, String> environment, Path cwd,
                         Duration timeout, ProgressLog log, String unitId) {
        String token = newToken();
        ProcessBuilder builder = new ProcessBuilder(command.argv()).directory(cwd.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("LLM_GATEWAY_HTTP_PORT", "0");
        builder.environment().put("LLM_GATEWAY_AUTH_TOKEN", token);
        builder.environment().put("LLM_GATEWAY_TRANSPORT", "http");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Failed("could not start `" + command.description() + "`: " + e.getMessage(), java.util.List.of());
        }
        LaunchedGateway gateway = new LaunchedGateway(process);
        try {
            process.getOutputStream().close(); // an HTTP gateway reads nothing; a stdio one would see EOF and exit
        } catch (IOException e) {
            // already closed
        }
        CompletableFuture<URI> listening = new CompletableFuture<>();
        pump(process.getInputStream(), "stdout", gateway, listening);
        pump(process.getErrorStream(), "stderr", gateway, listening);
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        long started = System.nanoTime();
        while (true) {
            try {
                URI url = listening.get(200, TimeUnit.MILLISECONDS);
                return new Started(gateway, new GatewayEndpoint(url, token));
            } catch (TimeoutException e) {
                // keep waiting
            } catch (ExecutionException e) {
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                gateway.stop();
                return new Failed("interrupted while waiting for the gateway", gateway.tail(20));
            }
            if (!process.isAlive()) {
                // give the pump a moment to deliver a final "listening on" line written just before exit
                try {
                    URI url = listening.get(500, TimeUnit.MILLISECONDS);
                    return new Started(gateway, new GatewayEndpoint(url, token));
                } catch (Exception ignored) {
                    gateway.stop();
                    return new Failed("the gateway exited with code " + process.exitValue()
                            + " before it reported `listening on <url>`", gateway.tail(20));
                }
            }
            long now = System.nanoTime();
            if (now >= deadline) {
                gateway.stop();
                return new Failed("the gateway did not report `listening on <url>` within " + timeout.toSeconds()
                        + " s", gateway.tail(20));
            }
            if (now >= nextProgress) {
                log.unit(unitId, "waiting for the gateway to listen (" + Duration.ofNanos(now - started).toSeconds()
                        + " s of " + timeout.toSeconds() + " s)...");
                nextProgress = now + PROGRESS_EVERY.toNanos();
            }
        }
        gateway.stop();
        return new Failed("could not read the gateway's output", gateway.tail(20));
    }

    private static void pump(InputStream stream, String name, LaunchedGateway gateway, CompletableFuture<URI> listening) {
        Thread.ofVirtual().name("isolate-gateway-" + name).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    gateway.record(name, line);
                    if (listening != null && !listening.isDone()) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            try {
                                listening.complete(URI.create(m.group(1)));
                            } catch (IllegalArgumentException e) {
                                gateway.record(name, "(isolate: not a URL: " + m.group(1) + ")");
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone; its exit is handled by the waiter
            }
        });
    }
}
