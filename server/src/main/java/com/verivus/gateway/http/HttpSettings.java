package com.verivus.gateway.http;

import com.verivus.gateway.config.GatewayEnvironment;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the Streamable HTTP transport. Each one comes from its environment variable when set,
 * else from the {@code http:} block of {@code application.yaml} (the working directory's file over the
 * one on the classpath), else from the default.
 *
 * @param host          bind address ({@code LLM_GATEWAY_HTTP_HOST}, 127.0.0.1)
 * @param port          bind port, 0 = ephemeral ({@code LLM_GATEWAY_HTTP_PORT}, 3333)
 * @param path          the MCP endpoint path ({@code LLM_GATEWAY_HTTP_PATH}, /mcp)
 * @param authToken     the bearer token ({@code LLM_GATEWAY_AUTH_TOKEN}); empty = none configured
 * @param authDisabled  {@code LLM_GATEWAY_AUTH_DISABLED=1}: no bearer check at all
 * @param publicUrl     {@code LLM_GATEWAY_PUBLIC_URL}: its host is an allowed Host/Origin
 * @param allowedHosts  extra allowed Host/Origin entries, {@code host[:port]} ({@code LLM_GATEWAY_ALLOWED_HOSTS})
 * @param maxBodyBytes  largest accepted request body ({@code LLM_GATEWAY_HTTP_MAX_BODY_BYTES}, 4 MiB)
 */
public record HttpSettings(String host, int port, String path, Optional<String> authToken, boolean authDisabled,
                           Optional<String> publicUrl, List<String> allowedHosts, long maxBodyBytes) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3333;
    public static final String DEFAULT_PATH = "/mcp";
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;

    public HttpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("HTTP host must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("HTTP port must be 0-65535, got " + port);
        }
        if (path == null || path.isBlank()) {
            path = DEFAULT_PATH;
        } else if (!path.startsWith("/")) {
            path = "/" + path;
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("HTTP max body size must be positive, got " + maxBodyBytes);
        }
        authToken = authToken.filter(t -> !t.isEmpty());
        publicUrl = publicUrl.filter(u -> !u.isBlank()).map(String::trim);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Defaults only (loopback, port 3333, no token): a starting point for tests and tools. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_PATH, Optional.empty(), false, Optional.empty(),
                List.of(), DEFAULT_MAX_BODY_BYTES);
    }

    /** Reads application.yaml from the working directory and the classpath, then applies the environment. */
    public static HttpSettings load(GatewayEnvironment env) {
        return from(env, applicationYaml(env.workingDirectory()));
    }

    /** The gateway's application.yaml: the working directory's copy wins over the classpath default. */
    public static Config applicationYaml(Path workingDirectory) {
        // Helidon would otherwise map environment variables and system properties into the tree too;
        // the environment is applied explicitly (and only under its documented names) in from().
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.file(workingDirectory.resolve("application.yaml")).optional())
                .addSource(ConfigSources.classpath("application.yaml").optional())
                .build();
    }

    /** Resolves every setting: environment first, then the {@code http} block of {@code config}, then defaults. */
    public static HttpSettings from(GatewayEnvironment env, Config config) {
        Config http = config.get("http");
        String host = env.nonBlank("LLM_GATEWAY_HTTP_HOST")
                .or(() -> http.get("host").asString().asOptional()).orElse(DEFAULT_HOST).trim();
        int port = env.nonBlank("LLM_GATEWAY_HTTP_PORT").map(v -> parsePort(v, "LLM_GATEWAY_HTTP_PORT"))
                .or(() -> http.get("port").asString().asOptional().map(v -> parsePort(v, "http.port")))
                .orElse(DEFAULT_PORT);
        String path = env.nonBlank("LLM_GATEWAY_HTTP_PATH")
                .or(() -> http.get("path").asString().asOptional()).orElse(DEFAULT_PATH).trim();
        Optional<String> token = env.get("LLM_GATEWAY_AUTH_TOKEN").isPresent()
                ? env.get("LLM_GATEWAY_AUTH_TOKEN")
                : http.get("auth-token").asString().asOptional();
        boolean disabled = env.get("LLM_GATEWAY_AUTH_DISABLED").map("1"::equals)
                .orElseGet(() -> http.get("auth-disabled").asBoolean().orElse(false));
        Optional<String> publicUrl = env.nonBlank("LLM_GATEWAY_PUBLIC_URL")
                .or(() -> http.get("public-url").asString().asOptional());
        List<String> allowed = env.get("LLM_GATEWAY_ALLOWED_HOSTS").map(HttpSettings::splitList)
                .orElseGet(() -> yamlList(http.get("allowed-hosts")));
        long maxBody = env.nonBlank("LLM_GATEWAY_HTTP_MAX_BODY_BYTES")
                .map(v -> parseSize(v, "LLM_GATEWAY_HTTP_MAX_BODY_BYTES"))
                .or(() -> http.get("max-body-bytes").asString().asOptional().map(v -> parseSize(v, "http.max-body-bytes")))
                .orElse(DEFAULT_MAX_BODY_BYTES);
        return new HttpSettings(host, port, path, token, disabled, publicUrl, allowed, maxBody);
    }

    /** The same settings with another port (tests bind port 0). */
    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, path, authToken, authDisabled, publicUrl, allowedHosts, maxBodyBytes);
    }

    /** The same settings with another auth configuration. */
    public HttpSettings withAuth(Optional<String> token, boolean disabled) {
        return new HttpSettings(host, port, path, token, disabled, publicUrl, allowedHosts, maxBodyBytes);
    }

    /** The same settings with another public URL and allow-list. */
    public HttpSettings withAllowedHosts(Optional<String> newPublicUrl, List<String> newAllowedHosts) {
        return new HttpSettings(host, port, path, authToken, authDisabled, newPublicUrl, newAllowedHosts, maxBodyBytes);
    }

    /** The same settings with another body limit. */
    public HttpSettings withMaxBodyBytes(long newMax) {
        return new HttpSettings(host, port, path, authToken, authDisabled, publicUrl, allowedHosts, newMax);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "HttpSettings[host=" + host + ", port=" + port + ", path=" + path
                + ", authToken=" + (authToken.isPresent() ? "<redacted>" : "<none>") + ", authDisabled=" + authDisabled
                + ", publicUrl=" + publicUrl.orElse("<none>") + ", allowedHosts=" + allowedHosts
                + ", maxBodyBytes=" + maxBodyBytes + "]";
    }

    private static int parsePort(String value, String source) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(source + " must be a port number 0-65535, got '" + value + "'");
    }

    private static long parseSize(String value, String source) {
        try {
            long size = Long.parseLong(value.trim());
            if (size > 0) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(source + " must be a positive number of bytes, got '" + value + "'");
    }

    private static List<String> splitList(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** Accepts both a YAML list and one comma-separated string. */
    private static List<String> yamlList(Config node) {
        if (!node.exists()) {
            return List.of();
        }
        if (node.isLeaf()) {
            return node.asString().map(HttpSettings::splitList).orElse(List.of());
        }
        List<String> out = new ArrayList<>();
        for (String entry : node.asList(String.class).orElse(List.of())) {
            out.addAll(splitList(entry));
        }
        return out;
    }
}
