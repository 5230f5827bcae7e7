package com.verivus.gateway.mcp.stdio;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.mcp.McpServerFactory;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.jsonrpc.ToolCallCodecs;
import com.verivus.gateway.process.ProcessLauncher;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Serves MCP over stdin/stdout until stdin closes. Every request read before EOF is answered before
 * the server stops; then {@link #serve} returns promptly. It throws when reading stopped for any
 * other reason, so that such a stop never exits 0.
 */
public final class StdioGateway {

    private final LineStdioTransportProvider transport;

    private StdioGateway(InputStream stdin, OutputStream stdout) {
        this.transport = new LineStdioTransportProvider(McpServerFactory::jsonMapper, stdin, stdout,
                StdioGateway::prepareFirstCall);
    }

    /**
     * Once the client has its tool list, its first call may follow at once: the one-time costs of a first
     * CLI run (linking the native spawn calls, Jackson's codecs for tools/call) are paid now, in the
     * background, not by that call.
     */
    private static void prepareFirstCall() {
        ProcessLauncher.warmUpNow();
        ToolCallCodecs.prepare(McpServerFactory.jsonMapper());
    }

    /**
     * Takes the process's real stdin/stdout (System.out is pointed at stderr so nothing else writes there)
     * and starts reading at once, while the caller builds what {@link #serve(ToolCatalog, String)} needs:
     * messages are checked as they arrive and handled, in order, once the server exists.
     */
    public static StdioGateway openProcessStdio() {
        OutputStream realStdout = new FileOutputStream(FileDescriptor.out);
        InputStream realStdin = new FileInputStream(FileDescriptor.in);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        StdioGateway gateway = new StdioGateway(realStdin, realStdout);
        gateway.transport.startReading();
        return gateway;
    }

    /** Serves on the process's real stdin/stdout. */
    public static void serveProcessStdio(ToolCatalog catalog, String instructions) throws InterruptedException {
        openProcessStdio().serve(catalog, instructions);
    }

    public static void serve(ToolCatalog catalog, String instructions, InputStream stdin, OutputStream stdout)
            throws InterruptedException {
        new StdioGateway(stdin, stdout).serve(catalog, instructions);
    }

    /** Builds the server on this transport and serves until end of input. */
    public void serve(ToolCatalog catalog, String instructions) throws InterruptedException {
        McpSyncServer server = McpServerFactory.stdio(transport, catalog, instructions);
        GatewayLog.info("llm-cli-gateway MCP server running on stdio");
        transport.awaitFinished();
        server.closeGracefully();
        Throwable failure = transport.failure();
        if (failure != null) {
            // Only end of input (or a signal) is a normal stop; the caller turns this into exit code 1.
            throw new IllegalStateException("stdio transport stopped before end of input: " + failure.getMessage(),
                    failure);
        }
        GatewayLog.debug("stdin closed; all requests answered, stopping");
    }
}
