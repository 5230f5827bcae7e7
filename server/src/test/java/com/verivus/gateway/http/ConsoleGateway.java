package com.verivus.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.console.LoginLink;
import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayClient;
import com.verivus.gateway.testing.GatewayProcess;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A real {@code gateway --transport=http} process with the fake CLIs on PATH (claude answers, gemini
 * hangs), for the web console's tests: the shared {@link GatewayProcess} and its HTTP {@link GatewayClient}
 * with the bearer token to start jobs, and plain HTTP calls to the console as a browser or an API client
 * would make them.
 */
final class ConsoleGateway implements AutoCloseable {

    static final String TOKEN = "console-test-token-5678";
    static final ObjectMapper JSON = new ObjectMapper();

    final GatewayProcess process;
    final URI mcp;
    final URI base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final GatewayClient client;

    private ConsoleGateway(GatewayProcess process) {
        this.process = process;
        this.client = GatewayClient.connectHttp(process, TOKEN);
        this.mcp = client.url();
        this.base = URI.create("http://" + mcp.getHost() + ":" + mcp.getPort());
    }

    static ConsoleGateway start(Path dir) throws IOException {
        return start(dir, Map.of());
    }

    /** @param extra more environment for the gateway and its fakes (e.g. FAKE_CLI_MODE_CLAUDE) */
    static ConsoleGateway start(Path dir, Map<String, String> extra) throws IOException {
        FakeClis fakes = FakeClis.install(Files.createDirectories(dir.resolve("fakes")));
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "LLM_GATEWAY_AUTH_TOKEN", TOKEN, "FAKE_CLI_MODE_GEMINI", "hang"));
        all.putAll(extra);
        Map<String, String> env = fakes.env(all);
        return new ConsoleGateway(GatewayProcess.builder(home).workingDirectory(Files.createDirectories(
                dir.resolve("work"))).http().env(env).start());
    }

    /** A fresh one-time login link, minted as {@code gateway status} mints it. */
    String loginLink() {
        return LoginLink.of(mcp.toString(), TOKEN, Instant.now());
    }

    /** Starts an async job through MCP and returns its id. */
    String startJob(String tool, String prompt) throws IOException {
        McpSchema.CallToolResult r = client.call(tool, Map.of("prompt", prompt));
        String text = ((McpSchema.TextContent) r.content().getFirst()).text();
        JsonNode body = JSON.readTree(text);
        String id = body.path("jobId").asText(body.path("job").path("id").asText());
        if (id.isEmpty()) {
            throw new AssertionError(tool + " gave no job id: " + text);
        }
        return id;
    }

    /** Calls a tool through MCP and returns its JSON text. */
    JsonNode tool(String name, Map<String, Object> args) throws IOException {
        McpSchema.CallToolResult r = client.call(name, args);
        return JSON.readTree(((McpSchema.TextContent) r.content().getFirst()).text());
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        return send("GET", path, headers);
    }

    /** Logs in with a fresh link and returns the {@code name=value} cookie pair. */
    String login() throws IOException, InterruptedException {
        URI link = URI.create(loginLink());
        HttpResponse<String> r = get(link.getRawPath() + "?" + link.getRawQuery(), Map.of());
        if (r.statusCode() != 303) {
            throw new AssertionError("login gave " + r.statusCode() + ": " + r.body());
        }
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    @Override
    public void close() {
        client.close(); // ends the process too
    }
}
