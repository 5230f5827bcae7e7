package com.verivus.dag.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the gateway, run as a real process by the executor tests through
 * {@code --gateway-command} (HTTP) or as the command of a Claude Code server entry (stdio). JDK only, so
 * its class path is just the test classes. Like the real gateway it reads LLM_GATEWAY_CONFIG, else an
 * approved project's .gateway/config.toml above its working directory, LLM_GATEWAY_HTTP_PORT and
 * LLM_GATEWAY_AUTH_TOKEN. With {@code --transport=http} it logs {@code listening on
 * http://127.0.0.1:<port>/mcp} on stderr and serves {@code GET /process-health} (bearer token required);
 * otherwise it answers MCP {@code initialize} and {@code tools/call llm_process_health} on stdio.
 *
 * <p>FAKE_GATEWAY_MODE: {@code ok} (default); {@code wrong-config} (reports the per-user default files,
 * as a gateway that never got the override would); {@code no-path} (omits persistence.path, as the Node
 * gateway did); {@code exit} (dies before listening); {@code silent} (never says it listens).
 * FAKE_GATEWAY_RECORD names a file that receives one JSON line at start (pid, cwd, args, env) and one
 * when the process is stopped.
 */
public final class FakeGateway {

    private static final Pattern KEY = Pattern.compile("\\s*(backend|path)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(#.*)?");

    private FakeGateway() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        String mode = env.getOrDefault("FAKE_GATEWAY_MODE", "ok");
        String token = env.get("LLM_GATEWAY_AUTH_TOKEN");
        String configFile = env.get("LLM_GATEWAY_CONFIG") != null ? env.get("LLM_GATEWAY_CONFIG") : approvedProjectConfig(env);
        record("{\"event\":\"start\",\"pid\":" + ProcessHandle.current().pid() + ",\"cwd\":" + json(Path.of("").toAbsolutePath().toString())
                + ",\"args\":" + jsonList(List.of(args)) + ",\"config\":" + json(configFile) + ",\"envConfig\":"
                + json(env.get("LLM_GATEWAY_CONFIG")) + ",\"marker\":" + json(env.get("FAKE_GATEWAY_MARKER"))
                + ",\"settingsMarker\":" + json(env.get("FAKE_GATEWAY_SETTINGS_MARKER")) + ",\"port\":"
                + json(env.get("LLM_GATEWAY_HTTP_PORT")) + ",\"token\":" + json(token) + ",\"transport\":"
                + json(env.get("LLM_GATEWAY_TRANSPORT")) + "}");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> record("{\"event\":\"stop\",\"pid\":"
                + ProcessHandle.current().pid() + "}")));
        System.err.println("fake gateway starting in mode " + mode); // stdout is the protocol in stdio mode
        System.err.println("[INFO] " + Instant.now() + " - reading config " + configFile);
        if (mode.equals("exit")) {
            System.err.println("[ERROR] " + Instant.now() + " - Fatal server error: simulated startup failure");
            System.exit(3);
        }
        if (!List.of(args).contains("--transport=http")) {
            serveStdio(health(mode, configFile, env));
            return;
        }
        int port = Integer.parseInt(env.getOrDefault("LLM_GATEWAY_HTTP_PORT", "0"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/process-health", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            byte[] body;
            int status;
            if (token != null && !("Bearer " + token).equals(auth)) {
                status = 401;
                body = "{\"error\":\"unauthorized\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                body = health(mode, configFile, env).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        if (!mode.equals("silent")) {
            System.err.println("[INFO] " + Instant.now() + " - llm-cli-gateway listening on http://127.0.0.1:"
                    + server.getAddress().getPort() + "/mcp");
        }
        Thread.currentThread().join();
    }

    /** The real gateway's project discovery, reduced: nearest .gateway/config.toml, used when approved. */
    private static String approvedProjectConfig(Map<String, String> env) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path config = dir.resolve(".gateway/config.toml");
            if (Files.isRegularFile(config)) {
                try {
                    Path approvals = Path.of(env.getOrDefault("HOME", "/nonexistent"), ".llm-cli-gateway/approved-projects");
                    return Files.isRegularFile(approvals) && Files.readAllLines(approvals).stream().map(String::strip)
                            .anyMatch(dir.toRealPath().toString()::equals) ? config.toString() : null;
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Newline-delimited JSON-RPC: answers initialize and tools/call with the health text, until EOF. */
    private static void serveStdio(String health) throws IOException {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        Pattern id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
        String line;
        while ((line = in.readLine()) != null) {
            Matcher m = id.matcher(line);
            if (!m.find()) {
                continue; // a notification
            }
            String result = line.contains("\"initialize\"")
                    ? "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"fake-gateway\",\"version\":\"0\"}}"
                    : "{\"content\":[{\"type\":\"text\",\"text\":" + json(health) + "}],\"isError\":false}";
            System.out.println("{\"jsonrpc\":\"2.0\",\"id\":" + m.group(1) + ",\"result\":" + result + "}");
            System.out.flush();
        }
        record("{\"event\":\"stdin-closed\",\"pid\":" + ProcessHandle.current().pid() + "}");
    }

    static String health(String mode, String configFile, Map<String, String> env) {
        String home = env.getOrDefault("HOME", "/nonexistent");
        String backend = "sqlite";
        String path = home + "/.llm-cli-gateway/logs.db";
        String resolvedConfig = null;
        if (configFile != null && Files.isRegularFile(Path.of(configFile))) {
            try {
                boolean inPersistence = false;
                for (String line : Files.readAllLines(Path.of(configFile))) {
                    if (line.strip().startsWith("[")) {
                        inPersistence = line.strip().replace(" ", "").equals("[persistence]");
                        continue;
                    }
                    Matcher m = KEY.matcher(line);
                    if (inPersistence && m.matches()) {
                        String value = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
                        if (m.group(1).equals("backend")) {
                            backend = value;
                        } else {
                            path = value;
                        }
                    }
                }
                resolvedConfig = configFile;
            } catch (IOException e) {
                resolvedConfig = null;
            }
        }
        if (mode.equals("wrong-config")) {
            resolvedConfig = home + "/.llm-cli-gateway/config.toml";
            path = home + "/.llm-cli-gateway/logs.db";
        }
        String dataDir = Path.of(path).getParent().toString();
        return "{\n  \"success\": true,\n  \"pid\": " + ProcessHandle.current().pid() + ",\n  \"persistence\": {\n"
                + "    \"backend\": " + json(backend) + ",\n"
                + (mode.equals("no-path") ? "" : "    \"path\": " + json(path) + ",\n")
                + "    \"dbPath\": " + json(path) + ",\n"
                + "    \"dataDir\": " + json(dataDir) + ",\n"
                + "    \"asyncJobsEnabled\": true,\n"
                + "    \"sources\": {\n      \"configFile\": " + json(resolvedConfig) + ",\n      \"envOverrides\": [],\n"
                + "      \"selectedBy\": " + json(env.containsKey("LLM_GATEWAY_CONFIG") ? "LLM_GATEWAY_CONFIG"
                        : resolvedConfig != null ? "approved project" : "default") + "\n    }\n"
                + "  },\n  \"transport\": \"http\"\n}";
    }

    private static void record(String line) {
        String file = System.getenv("FAKE_GATEWAY_RECORD");
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("fake gateway: cannot record: " + e.getMessage());
        }
    }

    static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String jsonList(List<String> values) {
        return "[" + String.join(",", values.stream().map(FakeGateway::json).toList()) + "]";
    }
}
