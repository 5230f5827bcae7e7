package com.verivus.gateway.mcp.stdio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Standard input for the MCP stdio transport that holds back end-of-file until every request read
 * so far has been answered (by JSON-RPC id), capped at {@link #DRAIN_CAP_MS}. The SDK transport
 * closes its session at EOF and drops responses still in flight; this keeps them.
 */
final class DrainingStdin extends InputStream {

    static final long DRAIN_CAP_MS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputStream in;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CountDownLatch eofDelivered = new CountDownLatch(1);
    private final Object drained = new Object();

    DrainingStdin(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            awaitDrain();
            eofDelivered.countDown();
            return -1;
        }
        scan(b, off, n);
        return n;
    }

    private synchronized void scan(byte[] b, int off, int n) {
        for (int i = off; i < off + n; i++) {
            if (b[i] == '\n') {
                noteRequest(line.toString(java.nio.charset.StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b[i]);
            }
        }
    }

    private void noteRequest(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.has("method") && node.hasNonNull("id")) {
                pending.add(node.get("id").toString());
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: the transport answers it (or not); nothing to wait for
        }
    }

    /** Called for every JSON-RPC message the server writes. */
    void noteResponse(JsonNode message) {
        if (message.hasNonNull("id") && (message.has("result") || message.has("error"))) {
            pending.remove(message.get("id").toString());
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    private void awaitDrain() {
        long deadline = System.currentTimeMillis() + DRAIN_CAP_MS;
        synchronized (drained) {
            while (!pending.isEmpty()) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                try {
                    drained.wait(Math.min(left, 100));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Waits until EOF has been handed to the transport, i.e. stdin closed and all replies written. */
    boolean awaitEof(long timeout, TimeUnit unit) throws InterruptedException {
        return eofDelivered.await(timeout, unit);
    }

    void awaitEof() throws InterruptedException {
        eofDelivered.await();
    }
}
