package com.verivus.gateway.mcp.stdio;

import com.verivus.gateway.log.GatewayLog;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import reactor.core.publisher.Mono;

/**
 * MCP over newline-delimited JSON-RPC on stdin/stdout, for one session.
 *
 * <p>Why not the SDK's StdioServerTransportProvider: its replies go through a reactive sink that gives
 * up after 100 ms when several threads answer at once, so a burst of concurrent tool calls lost
 * replies and hung the session; and at end of input it closed the session with replies still in
 * flight. Here every message is written whole, under one lock, by the thread that produced it; and
 * at end of input the session is closed only once every request read has been answered (capped).
 */
final class LineStdioTransportProvider implements McpServerTransportProvider {

    static final Duration DRAIN_CAP = Duration.ofSeconds(30);

    private final McpJsonMapper json;
    private final InputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile McpServerSession session;

    LineStdioTransportProvider(McpJsonMapper json, InputStream in, OutputStream out) {
        this.json = json;
        this.in = in;
        this.out = out;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        this.session = factory.create(new SessionTransport());
        Thread.ofPlatform().name("mcp-stdio-reader").daemon().start(this::readUntilEndOfInput);
    }

    /** Blocks until stdin has closed, every request read was answered (or the cap passed) and the session closed. */
    void awaitFinished() throws InterruptedException {
        finished.await();
    }

    private void readUntilEndOfInput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    dispatch(line);
                }
            }
        } catch (IOException e) {
            GatewayLog.warn("stdin read failed: " + e.getMessage());
        } finally {
            drainThenClose();
        }
    }

    private void dispatch(String line) {
        JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | IllegalArgumentException e) {
            GatewayLog.warn("stdin: not a JSON-RPC message (" + e.getMessage() + ")");
            write(new JSONRPCResponse(McpSchema.JSONRPC_VERSION, null, null, new JSONRPCResponse.JSONRPCError(
                    McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: " + e.getMessage(), null)));
            return;
        }
        if (message instanceof JSONRPCRequest request && request.id() != null) {
            unanswered.add(key(request.id()));
        }
        session.handle(message).subscribe(null,
                error -> GatewayLog.warn("handling a " + message.getClass().getSimpleName() + " failed: " + error));
    }

    private void drainThenClose() {
        long deadline = System.nanoTime() + DRAIN_CAP.toNanos();
        synchronized (unanswered) {
            while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
                try {
                    unanswered.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (!unanswered.isEmpty()) {
            GatewayLog.warn("stdin closed; " + unanswered.size() + " request(s) still unanswered after "
                    + DRAIN_CAP.toSeconds() + " s");
        }
        try {
            session.closeGracefully().block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            GatewayLog.debug("closing the stdio session: " + e.getMessage());
        }
        finished.countDown();
    }

    private void write(JSONRPCMessage message) {
        String text;
        try {
            text = json.writeValueAsString(message);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise an MCP message", e);
        }
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (writeLock) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("stdout closed: " + e.getMessage(), e);
            }
        }
        if (message instanceof JSONRPCResponse response && response.id() != null) {
            unanswered.remove(key(response.id()));
            synchronized (unanswered) {
                unanswered.notifyAll();
            }
        }
    }

    /** JSON-RPC ids are strings or numbers; "1" and 1 are different ids. */
    private static String key(Object id) {
        return (id instanceof String ? "s:" : "n:") + id;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession current = session;
        return current == null ? Mono.empty() : current.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        McpServerSession current = session;
        return current == null ? Mono.empty() : current.closeGracefully();
    }

    /** The session's view of stdout. */
    private final class SessionTransport implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(JSONRPCMessage message) {
            return Mono.fromRunnable(() -> write(message));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return json.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
