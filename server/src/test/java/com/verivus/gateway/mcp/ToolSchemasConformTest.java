package com.verivus.gateway.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.GatewayRuntime;
import com.verivus.gateway.config.GatewayEnvironment;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running gateway checks its tools' schemas in the background ({@link LazySchemaValidator}); this
 * makes the SDK check them all up front with its real validator, as a server build without the deferral
 * would: a schema that does not conform to the JSON Schema meta-schema fails the build here.
 */
class ToolSchemasConformTest {

    @TempDir
    Path home;

    @Test
    void every_tool_schema_conforms_to_the_json_schema_meta_schema() {
        try (GatewayRuntime runtime = GatewayRuntime.start(new GatewayEnvironment(Map.of(), home, home))) {
            StdioServerTransportProvider transport = new StdioServerTransportProvider(McpServerFactory.jsonMapper(),
                    new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream());
            McpSyncServer server = McpServer.sync(transport)
                    .serverInfo("schema-check", "1")
                    .jsonSchemaValidator(McpJsonDefaults.getSchemaValidator())
                    .tools(runtime.catalog().toolSpecifications())
                    .build();
            assertThat(runtime.catalog().toolSpecifications()).hasSizeGreaterThan(20);
            server.closeGracefully();
        }
    }
}
