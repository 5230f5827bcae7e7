package com.verivus.gateway.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.config.GatewayVersion;
import com.verivus.gateway.workspace.CallOrigin;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;

/** Builds the MCP server for one transport: identity, instructions, capabilities, tools and resources. */
public final class McpServerFactory {

    /** Long enough for the SDK never to cut off a sync tool call that runs inline (SYNC_DEADLINE_MS=0). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofHours(2);

    /**
     * What the SDK's default supplier makes (a plain ObjectMapper), built without its ServiceLoader lookup, which
     * opens every jar on the class path; one instance, so that both transports and the server share Jackson's
     * (de)serializer caches.
     */
    private static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

    private McpServerFactory() {
    }

    public static McpSyncServer stdio(McpServerTransportProvider transport, ToolCatalog catalog, String instructions) {
        return McpServer.sync(transport)
                .jsonMapper(JSON)
                .serverInfo(GatewayVersion.NAME, GatewayVersion.version())
                .instructions(instructions)
                .capabilities(capabilities(catalog))
                .requestTimeout(REQUEST_TIMEOUT)
                .validateToolInputs(false) // InputSchema checks arguments with field-named messages
                .jsonSchemaValidator(LazySchemaValidator.INSTANCE)
                .tools(catalog.toolSpecifications(CallOrigin.STDIO))
                .resources(catalog.resourceSpecifications())
                .resourceTemplates(catalog.resourceTemplateSpecifications())
                .build();
    }

    public static McpSyncServer streamable(McpStreamableServerTransportProvider transport, ToolCatalog catalog,
                                           String instructions) {
        return McpServer.sync(transport)
                .jsonMapper(JSON)
                .serverInfo(GatewayVersion.NAME, GatewayVersion.version())
                .instructions(instructions)
                .capabilities(capabilities(catalog))
                .requestTimeout(REQUEST_TIMEOUT)
                .validateToolInputs(false)
                .jsonSchemaValidator(LazySchemaValidator.INSTANCE)
                .tools(catalog.toolSpecifications(CallOrigin.HTTP))
                .resources(catalog.resourceSpecifications())
                .resourceTemplates(catalog.resourceTemplateSpecifications())
                .build();
    }

    private static ServerCapabilities capabilities(ToolCatalog catalog) {
        // prompts: declared with an empty list, so clients that probe prompts/list get an answer, not an error
        ServerCapabilities.Builder b = ServerCapabilities.builder().tools(true).logging().prompts(false);
        if (!catalog.resources().isEmpty() || !catalog.resourceTemplates().isEmpty()) {
            b.resources(false, true);
        }
        return b.build();
    }

    /** The JSON mapper the SDK transports use. */
    public static McpJsonMapper jsonMapper() {
        return JSON;
    }
}
