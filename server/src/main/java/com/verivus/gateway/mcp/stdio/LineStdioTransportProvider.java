package com.verivus.gateway.mcp.stdio;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.mcp.jsonrpc.ErrorReply;
import com.verivus.gateway.mcp.jsonrpc.MessageWriter;
import com.verivus.gateway.mcp.jsonrpc.Inbound;
import com.verivus.gateway.mcp.jsonrpc.InboundParser;
import com.verivus.gateway.mcp.jsonrpc.InitializeParams;
import com.verivus.gateway.mcp.jsonrpc.OutgoingErrors;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * MCP over newline-delimited JSON-RPC on stdin/stdout, for one session.
 *
 * <p>Why not the SDK's StdioServerTransportProvider: its replies go through a reactive sink that gives
 * up after 100 ms when several threads answer at once, so a burst of concurrent tool calls lost
 * replies and hung the session; and at end of input it closed the session with replies still in
 * flight. Here every message is written whole, under one lock, by the thread that produced it; and
 * at end of input the session is closed only once every request read has been answered (capped).
 *
 * <p>A line that is not a valid MCP message (not JSON, not UTF-8, a batch, a bad id, bad params, too
 * long) is answered with a JSON-RPC error here and never reaches the session; the gateway reads on.
 * Only end of input ends the reader normally; anything else is reported by {@link #failure()}.
 */
final class LineStdioTransportProvider implements McpServerTransportProvider {

    static final Duration DRAIN_CAP = Duration.ofSeconds(30);

    /** Longest accepted message line; big prompts fit, a runaway writer does not exhaust memory. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

    private final Supplier<McpJsonMapper> jsonSource;
    private final Object codecsLock = new Object();
    private volatile Codecs codecs;
    private final InputStream in;
    private final OutputStream out;
    private final Object writeLock = new Object();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch sessionReady = new CountDownLatch(1);
    private final AtomicBoolean reading = new AtomicBoolean();
    private final Handshake handshake = new Handshake();
    private volatile McpServerSession session;
    private volatile Throwable failure;

    /** Runs once, on a virtual thread of its own, after the first tools/list answer has been written. */
    private final Runnable afterToolList;
    private final AtomicBoolean toolListed = new AtomicBoolean();

    LineStdioTransportProvider(McpJsonMapper json, InputStream in, OutputStream out) {
        this(() -> json, in, out, () -> { });
    }

    /**
     * @param jsonSource the mapper, asked for on first use (by the reader, as a rule): in a fresh JVM building it
     *     waits for Jackson's class initialisation, which the thread that starts the gateway need not wait for
     */
    LineStdioTransportProvider(Supplier<McpJsonMapper> jsonSource, InputStream in, OutputStream out,
            Runnable afterToolList) {
        this.afterToolList = afterToolList;
        this.jsonSource = jsonSource;
        this.in = in;
        this.out = out;
    }

    /** The mapper, and the parser and writer built on it. */
    private record Codecs(McpJsonMapper json, InboundParser parser, MessageWriter writer) {
    }

    private Codecs codecs() {
        Codecs current = codecs;
        if (current == null) {
            synchronized (codecsLock) {
                current = codecs;
                if (current == null) {
                    McpJsonMapper json = jsonSource.get();
                    current = new Codecs(json, new InboundParser(json), new MessageWriter(json));
                    codecs = current;
                }
            }
        }
        return current;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        this.session = factory.create(new SessionTransport());
        sessionReady.countDown();
        startReading();
    }

    /**
     * Starts the reader now, before the server exists (at most once): a line is read and checked at once, and
     * handed to the session once there is one, in order. So the first message is parsed while the gateway
     * still starts (on a fresh JVM that is ~40 ms of Jackson building its readers). A refused line is answered
     * at once, as it would be later: its reply does not depend on the session.
     */
    void startReading() {
        if (reading.compareAndSet(false, true)) {
            Thread.ofPlatform().name("mcp-stdio-reader").daemon().start(this::readUntilEndOfInput);
        }
    }

    /** The session, once the server has created it; the reader waits here, never the server. */
    private McpServerSession awaitSession() {
        boolean interrupted = false;
        while (true) {
            try {
                sessionReady.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return session;
    }

    /** Blocks until stdin has closed, every request read was answered (or the cap passed) and the session closed. */
    void awaitFinished() throws InterruptedException {
        finished.await();
    }

    /** Why reading stopped before end of input, or null when stdin simply ended. */
    Throwable failure() {
        return failure;
    }

    private void readUntilEndOfInput() {
        try {
            StdinLines lines = new StdinLines(in, MAX_LINE_BYTES);
            for (StdinLines.Line line; (line = lines.next()) != null; ) {
                if (line.tooLong()) {
                    refuse(Inbound.Refused.invalidRequest("the message is " + line.length()
                            + " bytes long; the limit is " + MAX_LINE_BYTES + " bytes"));
                } else if (!blank(line.bytes())) {
                    dispatch(line.bytes());
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            // Not end of input: the gateway must not look like it finished normally.
            failure = e;
            GatewayLog.error("stdin reader stopped", e);
        } finally {
            drainThenClose();
        }
    }

    /** One line: the session gets it only when it is a valid message; anything else is answered here. */
    private void dispatch(byte[] line) {
        Inbound inbound = codecs().parser().parse(line);
        if (inbound instanceof Inbound.Refused refused) {
            refuse(refused);
            return;
        }
        JSONRPCMessage message = ((Inbound.Accepted) inbound).message();
        if (message instanceof JSONRPCRequest request && McpSchema.METHOD_PING.equals(request.method())) {
            // MCP allows a ping at any time; the SDK's session would hold it until the client's
            // notifications/initialized (for ever, if that never comes). Its answer is always the empty result.
            write(JSONRPCResponse.result(request.id(), Map.of()));
            return;
        }
        switch (handshake.next(message)) {
            case REFUSE -> {
                JSONRPCRequest request = (JSONRPCRequest) message;
                GatewayLog.warn("stdin: a " + request.method() + " request before initialize; refused");
                write(JSONRPCResponse.error(request.id(), Handshake.notInitialized(request.method())));
                return;
            }
            case DROP -> {
                GatewayLog.debug("stdin: a repeated notifications/initialized; dropped");
                return;
            }
            case INITIALIZED_FIRST -> {
                GatewayLog.warn("stdin: a " + ((JSONRPCRequest) message).method() + " request before "
                        + "notifications/initialized; the session is taken as initialized");
                hand(Handshake.INITIALIZED);
            }
            case PASS -> { }
        }
        if (message instanceof JSONRPCRequest request) {
            unanswered.add(key(request.id()));
        }
        hand(message);
    }

    /** Gives the session one message; a failure to handle a request still answers it. */
    private void hand(JSONRPCMessage message) {
        McpServerSession current = awaitSession();
        try {
            current.handle(message).subscribe(null, error -> {
                GatewayLog.warn("handling a " + message.getClass().getSimpleName() + " failed: " + error);
                answerIfUnanswered(message);
            });
        } catch (RuntimeException e) {
            GatewayLog.error("the MCP session failed on a " + message.getClass().getSimpleName(), e);
            answerIfUnanswered(message);
        }
    }

    /** A request whose handling failed before the session answered it still gets exactly one reply. */
    private void answerIfUnanswered(JSONRPCMessage message) {
        if (message instanceof JSONRPCRequest request && unanswered.contains(key(request.id()))) {
            write(JSONRPCResponse.error(request.id(), new JSONRPCResponse.JSONRPCError(
                    McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error: the request failed on the server", null)));
        }
    }

    private void refuse(Inbound.Refused refused) {
        GatewayLog.warn("stdin: " + refused.message());
        if (refused.reply()) {
            writeLine(ErrorReply.json(refused));
        }
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
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
            awaitSession().closeGracefully().block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            GatewayLog.debug("closing the stdio session: " + e.getMessage());
        }
        finished.countDown();
    }

    private void write(JSONRPCMessage message) {
        JSONRPCMessage outgoing = OutgoingErrors.forCaller(message);
        String text;
        try {
            text = codecs().writer().write(outgoing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise an MCP message", e);
        }
        writeLine(text);
        if (!(outgoing instanceof JSONRPCResponse response)) {
            return;
        }
        if (response.result() instanceof McpSchema.ListToolsResult && toolListed.compareAndSet(false, true)) {
            Thread.startVirtualThread(afterToolList);
        }
        if (response.id() != null) {
            unanswered.remove(key(response.id()));
            synchronized (unanswered) {
                unanswered.notifyAll();
            }
        }
    }

    private void writeLine(String text) {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (writeLock) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("stdout closed: " + e.getMessage(), e);
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
        @SuppressWarnings("unchecked") // the type is checked: the SDK asks for the request by its record
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            if (typeRef.getType() == McpSchema.InitializeRequest.class) {
                return (T) InitializeParams.read(data, codecs().json());
            }
            return codecs().json().convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }
    }
}
