package com.verivus.gateway.http;

import com.verivus.gateway.access.BearerAuth;
import com.verivus.gateway.access.HostOriginGuard;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.log.ListeningLine;
import com.verivus.gateway.mcp.http.HelidonStreamableTransportProvider;
import com.verivus.gateway.console.ConsoleRoutes;
import com.verivus.gateway.console.ConsoleSources;
import io.helidon.common.socket.SocketOptions;
import io.helidon.http.DirectHandler;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Helidon SE web server of {@code --transport=http}. The routes are in {@link GatewayRoutes}:
 * {@code /healthz} (open), the MCP path and {@code /process-health} (behind the {@link AccessGate}),
 * the web console when its sources are given ({@code /login}, {@code /} and {@code /api/...}, behind
 * the console's own gate, see {@link ConsoleRoutes}), everything else 404, and the {@link FramingFilter} in front of all of them. Handlers are blocking
 * and run on virtual threads (Helidon's default).
 */
public final class HttpGateway implements AutoCloseable {

    public static final String HEALTH_PATH = GatewayRoutes.HEALTH_PATH;
    public static final String PROCESS_HEALTH_PATH = GatewayRoutes.PROCESS_HEALTH_PATH;

    private final HttpSettings settings;
    private final BearerAuth auth;
    private final WebServer server;
    private final Optional<ConsoleRoutes> console;

    private HttpGateway(HttpSettings settings, HelidonStreamableTransportProvider transport,
                        Supplier<String> processHealth, Optional<ConsoleSources> console) {
        this.settings = settings;
        this.auth = new BearerAuth(settings.authToken(), settings.authDisabled());
        HostOriginGuard guard = HostOriginGuard.of(settings.host(), settings.publicUrl(), settings.allowedHosts());
        AccessGate gate = new AccessGate(guard, auth);
        Optional<ConsoleRoutes> consoleRoutes =
                console.map(sources -> new ConsoleRoutes(guard, auth, settings.authToken(),
                        settings.publicUrl().filter(u -> u.regionMatches(true, 0, "https:", 0, 6)).isPresent(), sources));
        this.console = consoleRoutes;
        this.server = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                .shutdownHook(false) // the gateway stops in its own order: MCP streams first, then the server
                .shutdownGracePeriod(Duration.ofSeconds(2))
                // small replies (SSE frames, JSON) must not wait for the client's delayed ACK (Nagle)
                .connectionOptions(SocketOptions.builder().tcpNoDelay(true).build())
                // Bounds what Helidon reads of a body nobody wants (a rejected request's, discarded before
                // the next request or a close). Twice the MCP limit, so that a body just over the limit still
                // gets the MCP transport's own 413 and is discarded cleanly; larger declared bodies get
                // Helidon's 413 and a closed connection before any route runs.
                .maxPayloadSize(Math.min(settings.maxBodyBytes(), Long.MAX_VALUE / 2) * 2)
                .directHandlers(DirectHandlers.builder()
                        .addHandler(DirectHandler.EventType.BAD_REQUEST, new JsonDirectHandler())
                        .addHandler(DirectHandler.EventType.PAYLOAD_TOO_LARGE, new JsonDirectHandler())
                        .addHandler(DirectHandler.EventType.HTTP_VERSION_NOT_SUPPORTED, new JsonDirectHandler())
                        .build())
                .routing(GatewayRoutes.routing(settings.path(), gate, transport, processHealth, consoleRoutes))
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
        return start(settings, transport, processHealth, Optional.empty());
    }

    /** As above, with the web console ({@code /}, {@code /login}, {@code /api/...}) when sources are given. */
    public static HttpGateway start(HttpSettings settings, HelidonStreamableTransportProvider transport,
                                    Supplier<String> processHealth, Optional<ConsoleSources> console) {
        HttpGateway gateway = new HttpGateway(settings, transport, processHealth, console);
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
        GatewayLog.info(ListeningLine.of(gateway.url()));
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
        console.ifPresent(ConsoleRoutes::close);
        if (server.isRunning()) {
            server.stop();
        }
    }
}
