package com.verivus.gateway.http;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ProgressReporter;
import com.verivus.gateway.mcp.ToolCatalog;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The body of {@code GET /process-health}: exactly the text the {@code llm_process_health} tool
 * returns, produced by running that tool from the catalogue. Null (so 503) while the catalogue has
 * no such tool or the tool reports an error.
 */
public final class CatalogProcessHealth implements Supplier<String> {

    public static final String TOOL_NAME = "llm_process_health";

    private final ToolCatalog catalog;

    public CatalogProcessHealth(ToolCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String get() {
        for (GatewayTool tool : catalog.tools()) {
            if (TOOL_NAME.equals(tool.name())) {
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
