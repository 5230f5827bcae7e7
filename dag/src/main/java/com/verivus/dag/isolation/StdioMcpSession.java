package com.verivus.dag.isolation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal MCP client over stdio, speaking to a gateway started the way the MCP client will start it:
 * newline-delimited JSON-RPC, {@code initialize}, then {@code tools/call}. Anything on stdout that is
 * not a JSON-RPC message is kept as evidence (it would break a real client too).
 */
final class StdioMcpSession {

    static final String PROTOCOL_VERSION = "2025-11-25";
    private static final String EOF = "\u0000eof";

    private final LaunchedGateway gateway;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private int nextId = 1;

    private StdioMcpSession(LaunchedGateway gateway) {
        this.gateway = gateway;
        this.stdin = gateway.process().getOutputStream();
        Thread.ofVirtual().name("isolate-stdio-out").start(() -> pump(gateway, lines));
        Thread.ofVirtual().name("isolate-stdio-err").start(() -> drain(gateway));
    }

    static StdioMcpSession start(ClientLaunch launch) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launch.argv()).directory(launch.cwd().toFile());
        builder.environment().clear();
        builder.environment().putAll(launch.env());
        return new StdioMcpSession(new LaunchedGateway(builder.start()));
    }

    LaunchedGateway gateway() {
        return gateway;
    }

    /** Sends {@code initialize} and {@code notifications/initialized}; returns the server's result. */
    JsonNode initialize(Duration timeout) throws IOException, InterruptedException {
        ObjectNode params = JsonText.MAPPER.createObjectNode().put("protocolVersion", PROTOCOL_VERSION);
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", "llm-cli-gateway-isolate").put("version", "1");
        JsonNode result = request("initialize", params, timeout);
        ObjectNode initialized = JsonText.MAPPER.createObjectNode().put("jsonrpc", "2.0")
                .put("method", "notifications/initialized");
        send(initialized);
        return result;
    }

    /** {@code tools/call}; returns the JSON-RPC result (a CallToolResult). */
    JsonNode callTool(String name, Duration timeout) throws IOException, InterruptedException {
        ObjectNode params = JsonText.MAPPER.createObjectNode().put("name", name);
        params.putObject("arguments");
        return request("tools/call", params, timeout);
    }

    private JsonNode request(String method, ObjectNode params, Duration timeout)
            throws IOException, InterruptedException {
        int id = nextId++;
        ObjectNode message = JsonText.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        message.set("params", params);
        send(message);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException("no answer to `" + method + "` within " + timeout.toSeconds() + " s");
            }
            if (line.equals(EOF)) {
                lines.add(EOF); // later callers see the end too
                throw new IOException("the server closed stdout before answering `" + method + "`"
                        + exitNote());
            }
            JsonNode reply;
            try {
                reply = JsonText.MAPPER.readTree(line);
            } catch (JacksonException e) {
                gateway.record("stdout", line + "   <- not JSON-RPC: an MCP client would fail here");
                continue;
            }
            if (reply != null && reply.path("id").asInt(-1) == id) {
                if (reply.has("error")) {
                    throw new IOException("`" + method + "` failed: " + reply.get("error"));
                }
                return reply.path("result");
            }
        }
    }

    private String exitNote() {
        Process process = gateway.process();
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return " (it exited with code " + process.exitValue() + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private void send(JsonNode message) throws IOException {
        stdin.write((JsonText.MAPPER.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static void pump(LaunchedGateway gateway, BlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(gateway.process().getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone; the waiter sees the end below
        }
        lines.add(EOF);
    }

    private static void drain(LaunchedGateway gateway) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(gateway.process().getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                gateway.record("stderr", line);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }
}
