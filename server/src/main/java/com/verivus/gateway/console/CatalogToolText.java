package com.verivus.gateway.console;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ProgressReporter;
import com.verivus.gateway.mcp.ToolCatalog;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The JSON text a catalogue tool returns when called without arguments (the console shows
 * {@code cli_versions} this way, so it reports exactly what the tool reports); null when the
 * catalogue has no such tool or the tool reports an error.
 */
public final class CatalogToolText implements Supplier<String> {

    private final ToolCatalog catalog;
    private final String toolName;

    public CatalogToolText(ToolCatalog catalog, String toolName) {
        this.catalog = catalog;
        this.toolName = toolName;
    }

    @Override
    public String get() {
        for (GatewayTool tool : catalog.tools()) {
            if (toolName.equals(tool.name())) {
                CallToolResult result = ToolCatalog.invoke(tool, Map.of(), ProgressReporter.NONE);
                if (Boolean.TRUE.equals(result.isError())) {
                    return null;
                }
                return result.content().stream().filter(TextContent.class::isInstance).map(TextContent.class::cast)
                        .map(TextContent::text).findFirst().orElse(null);
            }
        }
        return null;
    }
}
