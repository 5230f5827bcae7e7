package com.verivus.gateway.http;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.console.ConsoleSources;
import com.verivus.gateway.lifecycle.TerminationSignals;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.mcp.McpServerFactory;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.http.HelidonStreamableTransportProvider;
import io.modelcontextprotocol.server.McpSyncServer;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@code gateway --transport=http}: serves the catalogue over Streamable HTTP until SIGTERM or
 * SIGINT, then stops in order (new requests get 503, open SSE streams end, the listener stops) and
 * returns, so the caller closes the runtime and exits 0.
 */
public final class HttpGatewayRunner {

    private HttpGatewayRunner() {
    }

    /**
     * Serves until SIGTERM or SIGINT, then stops in order and returns.
     *
     * @param processHealth the body of {@code GET /process-health}, the same text {@code llm_process_health}
     *                      returns
     * @param console       the web console's sources, or empty for a gateway without the console
     */
    public static void serve(GatewayEnvironment env, ToolCatalog catalog, String instructions,
                             Supplier<String> processHealth, Optional<ConsoleSources> console)
            throws InterruptedException {
        Running running = start(HttpSettings.load(env), catalog, instructions, processHealth, console);
        // Backstop for exits that are not SIGTERM/SIGINT (SIGHUP, System.exit elsewhere).
        Thread hook = new Thread(running::stop, "http-gateway-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        CountDownLatch signalled = TerminationSignals.install();
        // Without signal handlers nothing opens the latch: the JVM's own handling runs the hook.
        (signalled != null ? signalled : new CountDownLatch(1)).await();
        running.stop();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs (idempotently) anyway
        }
    }

    /** Starts the MCP server and the web server with these settings; the caller stops them. */
    public static Running start(HttpSettings settings, ToolCatalog catalog, String instructions,
                                Supplier<String> processHealth, Optional<ConsoleSources> console) {
        HelidonStreamableTransportProvider transport =
                HelidonStreamableTransportProvider.builder(McpServerFactory.jsonMapper())
                        .maxBodyBytes(settings.maxBodyBytes()).build();
        McpSyncServer server = McpServerFactory.streamable(transport, catalog, instructions);
        HttpGateway gateway;
        try {
            gateway = HttpGateway.start(settings, transport, processHealth, console);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new Running(server, gateway);
    }

    /** A started HTTP gateway. */
    public static final class Running {

        private final McpSyncServer server;
        private final HttpGateway gateway;
        private final AtomicBoolean stopped = new AtomicBoolean();

        private Running(McpSyncServer server, HttpGateway gateway) {
            this.server = server;
            this.gateway = gateway;
        }

        /** The MCP endpoint, with the real port. */
        public URI url() {
            return gateway.url();
        }

        /** Stops in order, once: MCP sessions (ending their SSE streams), then the listener. */
        public void stop() {
            if (stopped.compareAndSet(false, true)) {
                GatewayLog.info("HTTP gateway stopping");
                try {
                    server.closeGracefully();
                } catch (RuntimeException e) {
                    GatewayLog.warn("closing MCP sessions: " + e.getMessage());
                }
                gateway.close();
            }
        }
    }
}
