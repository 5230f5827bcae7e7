package com.verivus.gateway.cli;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.console.ConsoleSources;
import com.verivus.gateway.http.HttpGatewayRunner;
import com.verivus.gateway.http.HttpSettings;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.mcp.ToolCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP round of the training run for HTTP mode's AOT cache ({@code .mvn/aot-train.sh} sets
 * {@value #VARIABLE}{@code =http} for a cache named {@code *-http.aot}, which {@code ./jbang} uses for
 * {@code --transport=http}): the training gateway runs in stdio mode, and before it serves its scripted stdio
 * session it also starts the HTTP gateway, wired as {@code --transport=http} wires it but on an ephemeral
 * loopback port with a random token, sends it what an HTTP client sends first (initialize,
 * notifications/initialized, tools/list, resources/list, a cheap tool call, the health routes, the session's
 * DELETE), and stops it. So the ~2,200 classes HTTP mode loads (Helidon's server, config and service registry
 * among them) come from that cache instead of the jars: without them an HTTP start took twice Node's time.
 * Stdio's cache is trained without this round, because the JVM loads every class of its cache at start-up.
 * Nothing is written to stdout; a failure is logged and the training goes on without it.
 */
final class AotTrainingHttpRound {

    static final String VARIABLE = "LLM_GATEWAY_AOT_TRAINING";

    private AotTrainingHttpRound() {
    }

    /** Whether this run is an AOT training run that asked for the HTTP round. */
    static boolean requested(GatewayEnvironment env) {
        return env.nonBlank(VARIABLE).map("http"::equals).orElse(false);
    }

    static void run(GatewayEnvironment env, ToolCatalog catalog, String instructions, Supplier<String> processHealth,
                    Optional<ConsoleSources> console) {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        // loaded as HTTP mode loads them (application.yaml included), then bound to loopback, port 0, this token
        HttpSettings loaded = HttpSettings.load(env);
        HttpSettings settings = new HttpSettings("127.0.0.1", 0, loaded.path(), Optional.of(token), false,
                Optional.empty(), List.of(), loaded.maxBodyBytes());
        HttpGatewayRunner.Running running;
        try {
            running = HttpGatewayRunner.start(settings, catalog, instructions, processHealth, console);
        } catch (RuntimeException e) {
            GatewayLog.warn("AOT training: the HTTP round did not start: " + e.getMessage());
            return;
        }
        try {
            exercise(running.url(), token);
        } catch (IOException | RuntimeException e) {
            GatewayLog.warn("AOT training: the HTTP round stopped early: " + e);
        } finally {
            running.stop();
        }
    }

    private static void exercise(URI url, String token) throws IOException {
        String mcp = url.getRawPath();
        String auth = "Authorization: Bearer " + token + "\r\nAccept: application/json, text/event-stream\r\n";
        String initialized = send(url, "POST", mcp, auth, """
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
                "capabilities":{},"clientInfo":{"name":"aot-training","version":"1"}}}""");
        String session = header(initialized, "mcp-session-id")
                .orElseThrow(() -> new IOException("no session id in: " + firstLine(initialized)));
        String inSession = auth + "Mcp-Session-Id: " + session + "\r\nMCP-Protocol-Version: 2025-11-25\r\n";
        send(url, "POST", mcp, inSession, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(url, "POST", mcp, inSession, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}");
        send(url, "POST", mcp, inSession, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\",\"params\":{}}");
        send(url, "POST", mcp, inSession, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"llm_process_health\",\"arguments\":{}}}");
        send(url, "GET", "/healthz", "", null);
        send(url, "GET", "/process-health", auth, null);
        send(url, "DELETE", mcp, inSession, null);
    }

    /** One HTTP/1.1 exchange on its own connection (closed by the server after the reply): the whole reply. */
    private static String send(URI url, String method, String path, String headers, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nConnection: close\r\n" + headers
                + (body == null ? "" : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
                + "\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!reply.startsWith("HTTP/1.1 2")) {
                throw new IOException(method + " " + path + ": " + firstLine(reply));
            }
            return reply;
        }
    }

    private static Optional<String> header(String reply, String name) {
        for (String line : reply.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String reply) {
        int end = reply.indexOf("\r\n");
        return end < 0 ? reply : reply.substring(0, end);
    }
}
