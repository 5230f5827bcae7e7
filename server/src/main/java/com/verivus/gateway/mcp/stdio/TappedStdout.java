package com.verivus.gateway.mcp.stdio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Standard output for the stdio transport that reports each complete JSON-RPC line written. */
final class TappedStdout extends OutputStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutputStream out;
    private final Consumer<JsonNode> onMessage;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    TappedStdout(OutputStream out, Consumer<JsonNode> onMessage) {
        this.out = out;
        this.onMessage = onMessage;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        out.write(b);
        track(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        for (int i = off; i < off + len; i++) {
            track(b[i]);
        }
    }

    private void track(int b) throws IOException {
        if (b != '\n') {
            line.write(b);
            return;
        }
        out.flush(); // the reply is on its way before anyone is told it was written
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        try {
            onMessage.accept(JSON.readTree(text));
        } catch (IOException | RuntimeException ignored) {
            // not JSON-RPC; nothing to track
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }
}
