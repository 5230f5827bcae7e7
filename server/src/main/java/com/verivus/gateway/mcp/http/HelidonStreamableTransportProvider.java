package com.verivus.gateway.mcp.http;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.mcp.jsonrpc.ErrorReply;
import com.verivus.gateway.mcp.jsonrpc.MessageWriter;
import com.verivus.gateway.mcp.jsonrpc.Inbound;
import com.verivus.gateway.mcp.jsonrpc.InitializeParams;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerSession.McpStreamableServerSessionStream;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * The MCP Streamable HTTP transport (protocol 2025-11-25, and the older revisions the SDK speaks)
 * on Helidon SE blocking handlers, following the session logic of the SDK's servlet provider:
 * <ul>
 *   <li>POST one JSON-RPC message. {@code initialize} starts a session and is answered with JSON and
 *       an {@code Mcp-Session-Id} header; notifications and responses get 202; other requests an SSE
 *       stream that ends with their response (JSON when the client accepts only application/json).</li>
 *   <li>GET opens the session's listening SSE stream for server-initiated messages; a second GET
 *       replaces the first, which then ends.</li>
 *   <li>DELETE ends the session; afterwards its id gets 404.</li>
 * </ul>
 * Unknown session ids get 404, a missing one on a non-initialize request 400, an unsupported
 * {@code MCP-Protocol-Version} 400 (absent means 2025-03-26). Bodies are bounded and malformed ones
 * get 400 with a JSON-RPC error, never 500. Authentication and Host/Origin checks happen before
 * {@link #handle} in the routing layer.
 */
public final class HelidonStreamableTransportProvider implements McpStreamableServerTransportProvider {

    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(15);
    public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofHours(2);

    static final HeaderName SESSION_ID = HeaderNames.create("Mcp-Session-Id");
    static final HeaderName PROTOCOL_VERSION = HeaderNames.create("MCP-Protocol-Version");
    static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");

    private static final List<String> VERSIONS = List.of(ProtocolVersions.MCP_2024_11_05,
            ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

    private final McpJsonMapper jsonMapper;
    private final MessageWriter writer;
    private final long maxBodyBytes;
    private final Duration keepAlive;
    private final Duration sessionIdleTimeout;
    private final StreamableSessions sessions = new StreamableSessions(System::nanoTime);
    private final ScheduledExecutorService sweeper;
    private volatile McpStreamableServerSession.Factory sessionFactory;
    private volatile boolean closing;

    private HelidonStreamableTransportProvider(Builder b) {
        this.jsonMapper = b.jsonMapper;
        this.writer = new MessageWriter(b.jsonMapper);
        this.maxBodyBytes = b.maxBodyBytes;
        this.keepAlive = b.keepAlive;
        this.sessionIdleTimeout = b.sessionIdleTimeout;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("mcp-http-session-sweeper").factory());
        long period = Math.clamp(sessionIdleTimeout.toMillis() / 4, 10, 60_000);
        sweeper.scheduleWithFixedDelay(this::reclaimIdleSessions, period, period, TimeUnit.MILLISECONDS);
    }

    public static Builder builder(McpJsonMapper jsonMapper) {
        return new Builder(jsonMapper);
    }

    @Override
    public List<String> protocolVersions() {
        return VERSIONS;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Mono.fromRunnable(() -> {
            for (McpStreamableServerSession s : sessions.all()) {
                try {
                    s.sendNotification(method, params).block();
                } catch (RuntimeException e) {
                    // A session without a listening stream has nowhere to receive it; that is normal.
                    GatewayLog.debug("MCP HTTP: " + method + " not delivered to session " + shortId(s.getId())
                            + ": " + e.getMessage());
                }
            }
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closing = true;
            sweeper.shutdownNow();
            for (McpStreamableServerSession s : sessions.all()) {
                try {
                    s.closeGracefully().block(Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    GatewayLog.debug("MCP HTTP: closing session " + shortId(s.getId()) + ": " + e.getMessage());
                    s.close();
                }
            }
            sessions.clear();
        });
    }

    /** Live sessions (tests and diagnostics; never exposed over HTTP). */
    public int sessionCount() {
        return sessions.size();
    }

    /** Serves one request on the MCP endpoint: GET, POST or DELETE (the router answers other methods). */
    public void handle(ServerRequest req, ServerResponse res) {
        try {
            switch (req.prologue().method().text().toUpperCase(Locale.ROOT)) {
                case "POST" -> post(req, res);
                case "GET" -> get(req, res);
                case "DELETE" -> delete(req, res);
                default -> {
                    res.header(HeaderNames.ALLOW, "GET, POST, DELETE");
                    error(res, 405, -32000, "Method not allowed");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CloseConnectionException e) {
            throw e; // Helidon's signal to end the connection after this response
        } catch (RuntimeException e) {
            GatewayLog.error("MCP HTTP request failed", e);
            try {
                error(res, 500, ErrorCodes.INTERNAL_ERROR, "Internal error");
            } catch (RuntimeException alreadyStreaming) {
                // the response was already under way; the connection ends with the exception
            }
        }
    }

    private void post(ServerRequest req, ServerResponse res) throws InterruptedException {
        if (closing) {
            error(res, 503, -32000, "Server is shutting down");
            return;
        }
        if (!jsonContentType(req)) {
            error(res, 415, -32000, "Unsupported Media Type: Content-Type must be application/json");
            return;
        }
        RequestBodyStream body = new RequestBodyStream(req.content().inputStream());
        JsonRpcBody.Outcome outcome = JsonRpcBody.read(body, req.headers().contentLength().orElse(-1), maxBodyBytes,
                jsonMapper);
        if (outcome instanceof JsonRpcBody.Rejected r) {
            if (!req.content().consumed()) {
                // Too large or undecodable: the rest of the body is not worth reading.
                res.header(HeaderValues.CONNECTION_CLOSE);
            }
            error(res, r.httpStatus(), r.code(), r.message());
            if (body.failed()) {
                // Helidon lost its place in the chunked framing; reading on (even to discard) may wait
                // for lines that never come, so the connection ends here.
                throw new CloseConnectionException("undecodable request body");
            }
            return;
        }
        AcceptHeader accept = AcceptHeader.of(req.headers().first(HeaderNames.ACCEPT));
        if (accept.none()) {
            error(res, 406, -32000, "Not Acceptable: Accept must include application/json or text/event-stream");
            return;
        }
        if (outcome instanceof JsonRpcBody.Unserved u) {
            unserved(u.refused(), req, res);
            return;
        }
        McpSchema.JSONRPCMessage message = ((JsonRpcBody.Message) outcome).message();
        if (message instanceof McpSchema.JSONRPCRequest request && McpSchema.METHOD_INITIALIZE.equals(request.method())) {
            initialize(request, accept, res);
            return;
        }
        Optional<McpStreamableServerSession> found = session(req, res);
        if (found.isEmpty() || !protocolVersionAccepted(req, res)) {
            return;
        }
        McpStreamableServerSession session = found.get();
        switch (message) {
            case McpSchema.JSONRPCRequest request -> respond(session, request, accept, res);
            case McpSchema.JSONRPCNotification notification -> {
                try {
                    session.accept(notification).block();
                } catch (RuntimeException e) {
                    // A notification is never answered, so its handler's trouble is the server's to log;
                    // e.g. roots/list_changed makes the SDK ask for roots, which fails without a GET stream.
                    GatewayLog.debug("MCP HTTP: handling " + notification.method() + ": " + e.getMessage());
                }
                res.status(202).send();
            }
            case McpSchema.JSONRPCResponse response -> {
                try {
                    session.accept(response).block();
                } catch (RuntimeException e) {
                    error(res, 400, ErrorCodes.INVALID_REQUEST, "Invalid Request: " + e.getMessage());
                    return;
                }
                res.status(202).send();
            }
            default -> error(res, 400, ErrorCodes.INVALID_REQUEST, "Invalid Request: unknown message type");
        }
    }

    /**
     * A valid envelope with bad params: a request gets its JSON-RPC error (with its id, so the client can
     * match it) as a normal JSON answer; a notification, which is never answered, gets 202.
     */
    private void unserved(Inbound.Refused refused, ServerRequest req, ServerResponse res) {
        boolean initialize = McpSchema.METHOD_INITIALIZE.equals(refused.method());
        if (!initialize && (session(req, res).isEmpty() || !protocolVersionAccepted(req, res))) {
            return;
        }
        if (!refused.reply()) {
            GatewayLog.debug("MCP HTTP: unanswered message: " + refused.message());
            res.status(202).send();
            return;
        }
        sendJson(res, initialize ? 400 : 200, ErrorReply.json(refused).getBytes(StandardCharsets.UTF_8));
    }

    private void initialize(McpSchema.JSONRPCRequest request, AcceptHeader accept, ServerResponse res)
            throws InterruptedException {
        McpStreamableServerSession.Factory factory = sessionFactory;
        if (factory == null) {
            error(res, 503, -32000, "MCP server is not ready");
            return;
        }
        McpSchema.InitializeRequest params;
        try {
            params = InitializeParams.read(request.params(), jsonMapper);
        } catch (RuntimeException e) {
            GatewayLog.debug("MCP HTTP: initialize params: " + e.getMessage());
            error(res, 400, ErrorCodes.INVALID_PARAMS, "Invalid params for initialize");
            return;
        }
        if (params == null || params.protocolVersion() == null) {
            error(res, 400, ErrorCodes.INVALID_PARAMS, "Invalid params for initialize: protocolVersion is required");
            return;
        }
        McpStreamableServerSession.McpStreamableServerSessionInit init = factory.startSession(params);
        McpStreamableServerSession session = init.session();
        McpSchema.InitializeResult result;
        try {
            result = init.initResult().block();
        } catch (RuntimeException e) {
            session.close();
            GatewayLog.error("MCP HTTP: initialize failed", e);
            error(res, 500, ErrorCodes.INTERNAL_ERROR, "Internal error: the session could not be started");
            return;
        }
        sessions.add(session);
        GatewayLog.debug("MCP HTTP: session " + shortId(session.getId()) + " started (protocol "
                + (result == null ? "?" : result.protocolVersion()) + ")");
        McpSchema.JSONRPCResponse response = McpSchema.JSONRPCResponse.result(request.id(), result);
        res.header(SESSION_ID, session.getId());
        if (accept.json()) {
            sendJson(res, 200, json(response));
        } else {
            // Only text/event-stream is acceptable: the answer goes out as a one-event stream.
            HttpResponseStream stream = new HttpResponseStream(jsonMapper, false, shortId(session.getId()));
            stream.sendMessage(response).block();
            stream.close();
            pump(stream, res, () -> {
            });
        }
    }

    private void respond(McpStreamableServerSession session, McpSchema.JSONRPCRequest request, AcceptHeader accept,
                         ServerResponse res) throws InterruptedException {
        boolean sse = accept.eventStream();
        HttpResponseStream transport = new HttpResponseStream(jsonMapper, !sse, shortId(session.getId()));
        McpStreamableServerSessionStream stream = session.responseStream(transport);
        // The SDK answers a handler's error itself, but an exception thrown while it dispatches escapes
        // without a response; the client must still get exactly one answer for its id.
        stream.handle(request).subscribe(ignored -> {
        }, failure -> {
            GatewayLog.error("MCP HTTP: request " + request.method() + " failed", failure);
            transport.answerIfUnanswered(request.id());
        }, () -> transport.answerIfUnanswered(request.id()));
        if (sse) {
            // A client that disconnects does not cancel the request (the spec says so); its stream is
            // released so that late messages are dropped and pending server requests fail fast.
            pump(transport, res, stream::close);
            return;
        }
        Optional<McpSchema.JSONRPCResponse> answer = transport.awaitResponse();
        if (answer.isEmpty()) {
            error(res, 500, ErrorCodes.INTERNAL_ERROR, "The request ended without a response");
            return;
        }
        sendJson(res, 200, json(answer.get()));
    }

    private void get(ServerRequest req, ServerResponse res) throws InterruptedException {
        if (closing) {
            error(res, 503, -32000, "Server is shutting down");
            return;
        }
        if (!AcceptHeader.of(req.headers().first(HeaderNames.ACCEPT)).eventStream()) {
            error(res, 406, -32000, "Not Acceptable: Accept must include text/event-stream");
            return;
        }
        Optional<McpStreamableServerSession> found = session(req, res);
        if (found.isEmpty() || !protocolVersionAccepted(req, res)) {
            return;
        }
        McpStreamableServerSession session = found.get();
        HttpResponseStream transport = new HttpResponseStream(jsonMapper, false, shortId(session.getId()));
        Optional<String> lastEventId = req.headers().first(LAST_EVENT_ID);
        if (lastEventId.isPresent()) {
            // Resumption: the SDK replays what its event store kept (nothing, without a store).
            for (McpSchema.JSONRPCMessage m : session.replay(lastEventId.get()).toIterable()) {
                transport.sendMessage(m).block();
            }
        }
        McpStreamableServerSessionStream listening = session.listeningStream(transport);
        pump(transport, res, listening::close);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        if (closing) {
            error(res, 503, -32000, "Server is shutting down");
            return;
        }
        Optional<McpStreamableServerSession> found = session(req, res);
        if (found.isEmpty() || !protocolVersionAccepted(req, res)) {
            return;
        }
        McpStreamableServerSession session = found.get();
        sessions.remove(session.getId());
        try {
            session.delete().block(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            GatewayLog.debug("MCP HTTP: deleting session " + shortId(session.getId()) + ": " + e.getMessage());
            session.close();
        }
        GatewayLog.debug("MCP HTTP: session " + shortId(session.getId()) + " deleted");
        res.status(204).send();
    }

    /** Writes an SSE response until the stream ends; {@code onClientGone} runs when the client left. */
    private void pump(HttpResponseStream transport, ServerResponse res, Runnable onClientGone)
            throws InterruptedException {
        res.status(200);
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header("X-Accel-Buffering", "no"); // reverse proxies: do not hold events back
        boolean clientGone = false;
        OutputStream out = res.outputStream();
        try {
            transport.pumpSse(out, keepAlive);
        } catch (IOException | RuntimeException e) {
            // Helidon reports a closed connection as ServerConnectionException (unchecked).
            clientGone = true;
        } catch (InterruptedException e) {
            onClientGone.run();
            throw e;
        } finally {
            try {
                out.close();
            } catch (IOException | RuntimeException e) {
                clientGone = true;
            }
        }
        if (clientGone) {
            GatewayLog.debug("MCP HTTP: client left an SSE stream");
            onClientGone.run();
        }
    }

    /** The session named by the request, or empty after answering 400 (no id) or 404 (unknown id). */
    private Optional<McpStreamableServerSession> session(ServerRequest req, ServerResponse res) {
        Optional<String> id = req.headers().first(SESSION_ID).map(String::trim).filter(s -> !s.isEmpty());
        if (id.isEmpty()) {
            error(res, 400, -32000, "Bad Request: Mcp-Session-Id header is required");
            return Optional.empty();
        }
        Optional<McpStreamableServerSession> session = sessions.use(id.get());
        if (session.isEmpty()) {
            error(res, 404, -32001, "Session not found");
        }
        return session;
    }

    private boolean protocolVersionAccepted(ServerRequest req, ServerResponse res) {
        // Absent means 2025-03-26, which is supported.
        Optional<String> version = req.headers().first(PROTOCOL_VERSION).map(String::trim);
        if (version.isPresent() && !VERSIONS.contains(version.get())) {
            error(res, 400, -32000, "Bad Request: Unsupported protocol version " + version.get()
                    + " (supported: " + String.join(", ", VERSIONS) + ")");
            return false;
        }
        return true;
    }

    private static boolean jsonContentType(ServerRequest req) {
        if (!req.headers().contains(HeaderNames.CONTENT_TYPE)) {
            return true; // lenient: a body without a type is read as JSON
        }
        try {
            Optional<HttpMediaType> type = req.headers().contentType();
            if (type.isEmpty()) {
                return true;
            }
            String t = type.get().mediaType().text().toLowerCase(Locale.ROOT);
            return t.equals("application/json") || t.endsWith("+json");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private byte[] json(McpSchema.JSONRPCMessage message) {
        try {
            return writer.write(message).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sendJson(ServerResponse res, int status, byte[] body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(body);
    }

    private static void error(ServerResponse res, int status, int code, String message) {
        sendJson(res, status, JsonRpcBody.errorBody(code, message));
    }

    private void reclaimIdleSessions() {
        try {
            for (McpStreamableServerSession s : sessions.removeIdle(sessionIdleTimeout)) {
                GatewayLog.debug("MCP HTTP: reclaiming idle session " + shortId(s.getId()));
                s.close();
            }
        } catch (RuntimeException e) {
            GatewayLog.warn("MCP HTTP: session sweep failed: " + e.getMessage());
        }
    }

    private static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
    }

    /** Options of the transport; every one has a sensible default. */
    public static final class Builder {
        private final McpJsonMapper jsonMapper;
        private long maxBodyBytes = 4L * 1024 * 1024;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;
        private Duration sessionIdleTimeout = DEFAULT_SESSION_IDLE_TIMEOUT;

        private Builder(McpJsonMapper jsonMapper) {
            this.jsonMapper = jsonMapper;
        }

        /** Largest accepted POST body; larger ones get 413. */
        public Builder maxBodyBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** Quiet time after which an open SSE stream gets a comment line, which also detects gone clients. */
        public Builder keepAlive(Duration interval) {
            this.keepAlive = interval;
            return this;
        }

        /** A session unused this long, with no open stream, is closed (clients that never send DELETE). */
        public Builder sessionIdleTimeout(Duration timeout) {
            this.sessionIdleTimeout = timeout;
            return this;
        }

        public HelidonStreamableTransportProvider build() {
            return new HelidonStreamableTransportProvider(this);
        }
    }
}
