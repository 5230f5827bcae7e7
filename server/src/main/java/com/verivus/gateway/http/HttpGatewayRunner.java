package com.verivus.gateway.http;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.console.ConsoleSources;
import com.verivus.gateway.lifecycle.TerminationSignals;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.mcp.McpServerFactory;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.http.HelidonStreamableTransportProvider;
import io.modelcontextprotocol.server.McpSyncServer;
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
     * @param processHealth the body of {@code GET /process-health}, the same text {@code llm_process_health}
     *                      returns
     * @param console       the web console's sources, or empty for a gateway without the console
     */
    public static void serve(GatewayEnvironment env, ToolCatalog catalog, String instructions,
                             Supplier<String> processHealth, Optional<ConsoleSources> console)
            throws InterruptedException {
        HttpSettings settings = HttpSettings.load(env);
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
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                GatewayLog.info("HTTP gateway stopping");
                try {
                    server.closeGracefully();
                } catch (RuntimeException e) {
                    GatewayLog.warn("closing MCP sessions: " + e.getMessage());
                }
                gateway.close();
            }
        };
        // Backstop for exits that are not SIGTERM/SIGINT (SIGHUP, System.exit elsewhere).
        Thread hook = new Thread(stop, "http-gateway-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        CountDownLatch signalled = TerminationSignals.install();
        // Without signal handlers nothing opens the latch: the JVM's own handling runs the hook.
        (signalled != null ? signalled : new CountDownLatch(1)).await();
        stop.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs (idempotently) anyway
        }
    }
}
