package com.verivus.gateway.provider.claude;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.provider.McpServerName;
import com.verivus.gateway.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes {@code claude-mcp.generated.json} ({@code {"mcpServers":{...}}}, mode 0600, atomic replace;
 * left alone when it already holds exactly that) into the gateway's data directory for the servers a
 * Claude request asks for, and says which were enabled and which are missing.
 */
public final class ClaudeMcpConfig {

    public static final String FILE_NAME = "claude-mcp.generated.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param path the written file, or null when no --mcp-config is to be passed
     */
    public record Prepared(Path path, List<String> requested, List<String> enabled, List<String> missing) {
        public Prepared {
            requested = List.copyOf(requested);
            enabled = List.copyOf(enabled);
            missing = List.copyOf(missing);
        }
    }

    private ClaudeMcpConfig() {
    }

    public static Prepared prepare(List<McpServerName> requested, boolean strict, GatewayEnvironment env,
                                   Path dataDirectory) {
        McpServerCatalog catalog = new McpServerCatalog(env);
        List<String> requestedKeys = McpServerName.keys(requested);
        Map<String, Object> servers = new LinkedHashMap<>();
        List<String> enabled = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (McpServerName name : requested) {
            Optional<McpServerDefinition> def = catalog.definition(name);
            if (def.isPresent()) {
                servers.put(name.key(), def.get().toJson());
                enabled.add(name.key());
            } else {
                missing.add(name.key());
            }
        }
        if (strict && !missing.isEmpty()) {
            throw new ClaudeMcpConfigException("strictMcpConfig=true but requested servers are unavailable: "
                    + String.join(", ", missing), requestedKeys, missing, null);
        }
        if (!strict && enabled.isEmpty()) {
            return new Prepared(null, requestedKeys, enabled, missing);
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            byte[] content = (JSON.writeValueAsString(Map.of("mcpServers", servers)) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            PrivateFiles.writeIfChanged(file, content);
        } catch (JsonProcessingException e) {
            throw new ClaudeMcpConfigException("Failed to write Claude MCP config: " + e.getOriginalMessage(),
                    requestedKeys, missing, e);
        } catch (IOException e) {
            throw new ClaudeMcpConfigException("Failed to write Claude MCP config: " + e.getMessage(),
                    requestedKeys, missing, e);
        }
        return new Prepared(file, requestedKeys, enabled, missing);
    }
}
