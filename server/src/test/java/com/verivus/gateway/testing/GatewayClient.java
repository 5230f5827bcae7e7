package com.verivus.gateway.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real gateway under the MCP SDK's own client, initialized: over stdio ({@link StdioClientTransport},
 * the SDK starts the process) or over HTTP ({@link HttpClientStreamableHttpTransport} to a
 * {@link GatewayProcess} started with {@code --transport=http}). For stdio, the SDK client would pass the
 * test JVM's whole environment to the child; the transport here starts it with exactly the environment
 * {@link GatewayProcess.Builder} describes, in its working directory.
 */
public final class GatewayClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final McpSyncClient client;
    private final StringBuffer stderr = new StringBuffer();
    private final GatewayProcess httpProcess;
    private final URI url;

    private GatewayClient(GatewayProcess.Builder launch, Consumer<McpSchema.ProgressNotification> progress) {
        this.httpProcess = null;
        this.url = null;
        List<String> cmd = launch.command();
        ServerParameters params = ServerParameters.builder(cmd.getFirst()).args(cmd.subList(1, cmd.size()))
                .env(launch.environment()).build();
        Path dir = launch.effectiveWorkingDirectory();
        StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper()) {
            @Override
            protected ProcessBuilder getProcessBuilder() {
                ProcessBuilder pb = new ProcessBuilder().directory(dir.toFile());
                pb.environment().clear(); // the SDK then adds params.getEnv() only
                return pb;
            }
        };
        transport.setStdErrorHandler(line -> stderr.append(line).append('\n'));
        this.client = initialized(transport, progress);
    }

    /** The SDK's sync client over {@code transport}, initialized (both transports get the same settings). */
    private static McpSyncClient initialized(McpClientTransport transport,
                                             Consumer<McpSchema.ProgressNotification> progress) {
        McpClient.SyncSpec spec = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("gateway-e2e", "1.0.0"));
        if (progress != null) {
            spec.progressConsumer(progress);
        }
        McpSyncClient client = spec.build();
        client.initialize();
        return client;
    }

    private GatewayClient(GatewayProcess process, String token, Consumer<McpSchema.ProgressNotification> progress) {
        this.httpProcess = process;
        try {
            this.url = process.awaitUrl();
            URI base = URI.create(url.getScheme() + "://" + url.getRawAuthority());
            HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base.toString())
                    .endpoint(url.getRawPath())
                    .addHttpRequestCustomizer((builder, method, uri, body, context) -> {
                        if (token != null) {
                            builder.header("Authorization", "Bearer " + token);
                        }
                    })
                    .build();
            this.client = initialized(transport, progress);
        } catch (RuntimeException | Error e) {
            process.close();
            throw e;
        }
    }

    public static GatewayClient connect(GatewayProcess.Builder launch) {
        return new GatewayClient(launch, null);
    }

    /**
     * The SDK's streamable-HTTP client to a started HTTP gateway, with {@code Authorization: Bearer token}
     * unless {@code token} is null; closing the client also ends the process.
     */
    public static GatewayClient connectHttp(GatewayProcess process, String token) {
        return new GatewayClient(process, token, null);
    }

    /** As {@link #connectHttp(GatewayProcess, String)}, handing the server's progress notifications to {@code progress}. */
    public static GatewayClient connectHttp(GatewayProcess process, String token,
                                            Consumer<McpSchema.ProgressNotification> progress) {
        return new GatewayClient(process, token, progress);
    }

    /** Connects with a consumer of the progress notifications the server sends (see {@link #call(String, Map, Object)}). */
    public static GatewayClient connect(GatewayProcess.Builder launch, Consumer<McpSchema.ProgressNotification> progress) {
        return new GatewayClient(launch, progress);
    }

    public McpSyncClient mcp() {
        return client;
    }

    public List<String> toolNames() {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    public CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    /** Calls a tool with a progress token, so the server may send progress notifications for the call. */
    public CallToolResult call(String tool, Map<String, Object> arguments, Object progressToken) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments, Map.of("progressToken", progressToken)));
    }

    /** Calls a tool whose result text is JSON and returns it parsed. */
    public Map<String, Object> callJson(String tool, Map<String, Object> arguments) {
        CallToolResult result = call(tool, arguments);
        String text = ((TextContent) result.content().getFirst()).text();
        try {
            return JSON.readValue(text, new TypeReference<>() { });
        } catch (IOException e) {
            throw new AssertionError(tool + " did not return JSON: " + text, e);
        }
    }

    /** What the gateway wrote to stderr so far. */
    public String stderr() {
        return httpProcess != null ? httpProcess.stderr() : stderr.toString();
    }

    /** The MCP endpoint of an HTTP gateway; null over stdio. */
    public URI url() {
        return url;
    }

    /** Waits until stderr contains {@code text} (stderr is read asynchronously); returns all of it. */
    public String awaitStderr(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!stderr().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stderr never contained \"" + text + "\"; stderr:\n" + stderr());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return stderr();
    }

    @Override
    public void close() {
        try {
            client.closeGracefully();
        } finally {
            if (httpProcess != null) {
                httpProcess.close();
            }
        }
    }
}
