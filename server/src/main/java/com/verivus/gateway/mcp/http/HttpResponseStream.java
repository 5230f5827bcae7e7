package com.verivus.gateway.mcp.http;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.mcp.jsonrpc.MessageWriter;
import com.verivus.gateway.mcp.jsonrpc.OutgoingErrors;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * One HTTP response as the SDK sees it: the messages the session sends for one POSTed request (or
 * for the GET listening stream) and the moment it is done. The SDK may send from any thread, so
 * messages go through a queue and only the request's own handler thread writes to the socket: SSE
 * events in order, a comment line as keep-alive while nothing happens, and the end of the response
 * once the SDK closes the stream. In JSON mode (a client that accepts only application/json) the
 * handler takes the one JSON-RPC response instead and notifications are dropped.
 */
final class HttpResponseStream implements McpStreamableServerTransport {

    private static final byte[] OPENED = ": stream open\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private sealed interface Item permits Outgoing, End {
    }

    private record Outgoing(JSONRPCMessage message, String eventId) implements Item {
    }

    private record End() implements Item {
    }

    private static final End END = new End();

    private final McpJsonMapper jsonMapper;
    private final MessageWriter writer;
    private final boolean jsonOnly;
    private final String label;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private volatile boolean closed;
    private volatile boolean carriedResponse;

    HttpResponseStream(McpJsonMapper jsonMapper, boolean jsonOnly, String label) {
        this.jsonMapper = jsonMapper;
        this.writer = new MessageWriter(jsonMapper);
        this.jsonOnly = jsonOnly;
        this.label = label;
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message, String messageId) {
        return Mono.defer(() -> {
            if (jsonOnly && message instanceof McpSchema.JSONRPCRequest) {
                // A JSON response carries exactly one message; a server->client request has nowhere to go.
                return Mono.error(McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
                        .message("The client accepts only application/json; server requests need text/event-stream")
                        .build());
            }
            if (closed) {
                GatewayLog.debug("MCP HTTP: dropped a message for the closed stream " + label);
                return Mono.empty();
            }
            if (message instanceof McpSchema.JSONRPCResponse) {
                carriedResponse = true;
            }
            queue.add(new Outgoing(OutgoingErrors.forCaller(message), messageId));
            return Mono.empty();
        });
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return jsonMapper.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    /**
     * Ends the response; when it carried no JSON-RPC response for {@code id} (the request failed before
     * the SDK could answer it), an internal error for that id goes out first.
     */
    void answerIfUnanswered(Object id) {
        if (!carriedResponse && !closed) {
            sendMessage(McpSchema.JSONRPCResponse.error(id, new McpSchema.JSONRPCResponse.JSONRPCError(
                    McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error: the request failed on the server", null)))
                    .block();
        }
        close();
    }

    /** Ends the response after everything queued so far; later messages are dropped. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            queue.add(END);
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Writes SSE events until the stream is closed, with a keep-alive comment after each quiet
     * {@code keepAlive}. Runs on the request's handler thread; an IOException means the client left.
     */
    void pumpSse(OutputStream out, Duration keepAlive) throws IOException, InterruptedException {
        // Helidon sends the status line and headers with the first bytes, not on an empty flush; a
        // comment line (ignored by SSE parsers) lets the client see the stream open right away.
        out.write(OPENED);
        out.flush();
        while (true) {
            Item item = queue.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                out.write(KEEP_ALIVE);
                out.flush();
                continue;
            }
            if (item instanceof End) {
                return;
            }
            Outgoing o = (Outgoing) item;
            StringBuilder event = new StringBuilder(256);
            if (o.eventId() != null) {
                event.append("id: ").append(o.eventId()).append('\n');
            }
            event.append("event: message\n");
            // Compact JSON never holds a raw newline, so one data line carries the whole message.
            event.append("data: ").append(writer.write(o.message())).append("\n\n");
            out.write(event.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /**
     * Waits until the stream is closed and returns the JSON-RPC response it carried (JSON mode).
     * Notifications sent meanwhile are dropped: a JSON body holds one message.
     */
    Optional<McpSchema.JSONRPCResponse> awaitResponse() throws InterruptedException {
        McpSchema.JSONRPCResponse response = null;
        while (true) {
            Item item = queue.take();
            if (item instanceof End) {
                return Optional.ofNullable(response);
            }
            if (((Outgoing) item).message() instanceof McpSchema.JSONRPCResponse r && response == null) {
                response = r;
            } else {
                GatewayLog.debug("MCP HTTP: JSON response mode drops " + ((Outgoing) item).message());
            }
        }
    }
}
