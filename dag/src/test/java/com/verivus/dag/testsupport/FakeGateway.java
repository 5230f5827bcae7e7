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
 * A stand-in for {@code gateway --transport=http}, run as a real process by the executor tests through
 * {@code --gateway-command}. JDK only, so its class path is just the test classes. Like the real
 * gateway it reads LLM_GATEWAY_CONFIG, LLM_GATEWAY_HTTP_PORT and LLM_GATEWAY_AUTH_TOKEN, logs
 * {@code listening on http://127.0.0.1:<port>/mcp} on stderr, and serves {@code GET /process-health}
 * (bearer token required) with a persistence block computed from the config file it was given.
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
        String configFile = env.get("LLM_GATEWAY_CONFIG");
        record("{\"event\":\"start\",\"pid\":" + ProcessHandle.current().pid() + ",\"cwd\":" + json(Path.of("").toAbsolutePath().toString())
                + ",\"args\":" + jsonList(List.of(args)) + ",\"config\":" + json(configFile) + ",\"port\":"
                + json(env.get("LLM_GATEWAY_HTTP_PORT")) + ",\"token\":" + json(token) + ",\"transport\":"
                + json(env.get("LLM_GATEWAY_TRANSPORT")) + "}");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> record("{\"event\":\"stop\",\"pid\":"
                + ProcessHandle.current().pid() + "}")));
        System.out.println("fake gateway starting in mode " + mode);
        System.err.println("[INFO] " + Instant.now() + " - reading config " + configFile);
        if (mode.equals("exit")) {
            System.err.println("[ERROR] " + Instant.now() + " - Fatal server error: simulated startup failure");
            System.exit(3);
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
                + "    \"sources\": {\n      \"configFile\": " + json(resolvedConfig) + ",\n      \"envOverrides\": []\n    }\n"
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
