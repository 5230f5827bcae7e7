package com.verivus.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.mcp.http.HelidonStreamableTransportProvider;
import io.helidon.common.socket.SocketOptions;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Helidon SE web server of {@code --transport=http}. Request handling order:
 * <ol>
 *   <li>{@code /healthz}, any method, no auth: {@code {"ok":true}} (no session count, departure §14.15);</li>
 *   <li>any path other than the MCP path and {@code /process-health}: 404 {@code {"error":"Not found"}};</li>
 *   <li>Host (421) and Origin (403) against the allowed hosts: DNS-rebinding checks come first, so a
 *       foreign page learns nothing about the token, not even whether one is needed;</li>
 *   <li>bearer auth (§8.2): 503 without a configured token, 401 with {@code WWW-Authenticate};</li>
 *   <li>method: GET/POST/DELETE on the MCP path, GET on /process-health, else 405 with {@code Allow};</li>
 *   <li>the MCP transport, or the process-health JSON.</li>
 * </ol>
 * Handlers are blocking and run on virtual threads (Helidon's default).
 */
public final class HttpGateway implements AutoCloseable {

    public static final String HEALTH_PATH = "/healthz";
    public static final String PROCESS_HEALTH_PATH = "/process-health";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpSettings settings;
    private final HelidonStreamableTransportProvider transport;
    private final Supplier<String> processHealth;
    private final BearerAuth auth;
    private final HostOriginGuard guard;
    private final WebServer server;

    private HttpGateway(HttpSettings settings, HelidonStreamableTransportProvider transport,
                        Supplier<String> processHealth) {
        this.settings = settings;
        this.transport = transport;
        this.processHealth = processHealth;
        this.auth = BearerAuth.of(settings);
        this.guard = HostOriginGuard.of(settings);
        this.server = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                .shutdownHook(false) // the gateway stops in its own order: MCP streams first, then the server
                .shutdownGracePeriod(Duration.ofSeconds(2))
                // small replies (SSE frames, JSON) must not wait for the client's delayed ACK (Nagle)
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                .routing(r -> r.any(this::route))
                .build();
    }

    /**
     * Starts listening and logs the one line other tools parse:
     * {@code HTTP gateway listening on http://<host>:<port><path>}.
     *
     * @param processHealth the body of {@code GET /process-health}; null or an exception gives 503
     */
    public static HttpGateway start(HttpSettings settings, HelidonStreamableTransportProvider transport,
                                    Supplier<String> processHealth) {
        HttpGateway gateway = new HttpGateway(settings, transport, processHealth);
        gateway.server.start();
        // Helidon logs a bind failure and returns a stopped server instead of throwing.
        if (!gateway.server.isRunning() || gateway.server.port() <= 0) {
            gateway.close();
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port()
                    + " (address in use or not available)");
        }
        if (!gateway.auth.disabled() && !gateway.auth.tokenConfigured()) {
            GatewayLog.warn("LLM_GATEWAY_AUTH_TOKEN is not set: MCP requests will get 503 until it is "
                    + "(or set LLM_GATEWAY_AUTH_DISABLED=1 for a trusted loopback setup)");
        }
        GatewayLog.info("HTTP gateway listening on " + gateway.url());
        return gateway;
    }

    /** The MCP endpoint URL with the real (possibly ephemeral) port. */
    public URI url() {
        String host = settings.host();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + settings.path());
    }

    public int port() {
        return server.port();
    }

    public HttpSettings settings() {
        return settings;
    }

    /** Stops accepting connections; call after the MCP server closed its sessions (which ends SSE streams). */
    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    private void route(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        String method = req.prologue().method().text().toUpperCase(Locale.ROOT);
        if (HEALTH_PATH.equals(path)) {
            sendJson(res, 200, Map.of("ok", true));
            return;
        }
        boolean mcp = settings.path().equals(path);
        if (!mcp && !PROCESS_HEALTH_PATH.equals(path)) {
            sendJson(res, 404, Map.of("error", "Not found"));
            return;
        }
        Optional<HostOriginGuard.Rejection> rejected =
                guard.check(req.headers().first(HeaderNames.HOST), req.headers().first(HeaderNames.ORIGIN));
        if (rejected.isPresent()) {
            sendJson(res, rejected.get().status(), Map.of("error", rejected.get().message()));
            return;
        }
        Optional<BearerAuth.Denial> denied = auth.check(req.headers().first(HeaderNames.AUTHORIZATION));
        if (denied.isPresent()) {
            res.header(HeaderNames.WWW_AUTHENTICATE, BearerAuth.CHALLENGE);
            sendJson(res, denied.get().status(), Map.of("error", denied.get().message()));
            return;
        }
        if (mcp) {
            if (!method.equals("GET") && !method.equals("POST") && !method.equals("DELETE")) {
                res.header(HeaderNames.ALLOW, "GET, POST, DELETE");
                sendJson(res, 405, Map.of("error", "Method not allowed"));
                return;
            }
            transport.handle(req, res);
            return;
        }
        if (!method.equals("GET")) {
            res.header(HeaderNames.ALLOW, "GET");
            sendJson(res, 405, Map.of("error", "Method not allowed"));
            return;
        }
        serveProcessHealth(res);
    }

    private void serveProcessHealth(ServerResponse res) {
        String body;
        try {
            body = processHealth.get();
        } catch (RuntimeException e) {
            GatewayLog.error("process health failed", e);
            body = null;
        }
        if (body == null) {
            sendJson(res, 503, Map.of("error", "Process health is not available"));
            return;
        }
        res.status(200);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendJson(ServerResponse res, int status, Map<String, Object> body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        try {
            res.send(JSON.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
