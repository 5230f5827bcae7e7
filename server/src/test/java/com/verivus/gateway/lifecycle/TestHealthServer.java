package com.verivus.gateway.lifecycle;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for the HTTP gateway in lifecycle tests (the real --transport=http lives on another
 * branch): it binds LLM_GATEWAY_HTTP_HOST/PORT, answers /healthz like the gateway
 * ({@code {"ok":true,"sessions":0}}, no auth), answers LLM_GATEWAY_HTTP_PATH only with the bearer
 * token it was given (reporting the transport it was told to use), and logs
 * {@code listening on <url>} to stderr as the gateway does. TEST_SERVER_MODE: {@code die} (exit 3
 * with an error on stderr), {@code mute} (never listens), {@code ignore-term} (TERM does not stop it).
 */
public final class TestHealthServer {

    private TestHealthServer() {
    }

    public static void main(String[] args) throws Exception {
        String mode = env("TEST_SERVER_MODE", "");
        String host = env("LLM_GATEWAY_HTTP_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("LLM_GATEWAY_HTTP_PORT", "3333"));
        String path = env("LLM_GATEWAY_HTTP_PATH", "/mcp");
        String token = env("LLM_GATEWAY_AUTH_TOKEN", "");
        System.out.println("test gateway starting (stdout goes to gateway.log)");
        if (mode.equals("die")) {
            System.err.println("[ERROR] fatal: cannot bind " + host + ":" + port + " (test mode die)");
            System.exit(3);
        }
        if (mode.equals("mute")) {
            Thread.sleep(120_000);
            return;
        }
        if (mode.equals("ignore-term")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException ignored) {
                    // keep the JVM alive until killed
                }
            }));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/healthz", ex -> send(ex, 200, "{\"ok\":true,\"sessions\":0}"));
        server.createContext(path, ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (token.isEmpty() || !("Bearer " + token).equals(auth)) {
                send(ex, 401, "{\"error\":\"Unauthorized\"}");
            } else {
                send(ex, 200, "{\"transport\":\"" + env("LLM_GATEWAY_TRANSPORT", "") + "\"}");
            }
        });
        server.start();
        System.err.println("[INFO] test gateway listening on http://" + host + ":" + server.getAddress().getPort() + path);
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
