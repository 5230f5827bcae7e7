package com.verivus.gateway.mcp;

import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.workspace.CallOrigin;
import com.verivus.gateway.workspace.WorkspaceException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns the gateway's tools and resources into MCP SDK specifications: arguments are checked against
 * each tool's {@link InputSchema} first, exceptions become {@code isError} results the model can act
 * on, and progress goes out as notifications when the client asked for them.
 */
public final class ToolCatalog {

    private final List<GatewayTool> tools;
    private final List<GatewayResource> resources;
    private final List<GatewayResourceTemplate> templates;

    public ToolCatalog(List<GatewayTool> tools, List<GatewayResource> resources) {
        this(tools, resources, List.of());
    }

    public ToolCatalog(List<GatewayTool> tools, List<GatewayResource> resources,
                       List<GatewayResourceTemplate> templates) {
        this.tools = List.copyOf(tools);
        this.resources = List.copyOf(resources);
        this.templates = List.copyOf(templates);
    }

    public List<GatewayResourceTemplate> resourceTemplates() {
        return templates;
    }

    public List<GatewayTool> tools() {
        return tools;
    }

    public List<GatewayResource> resources() {
        return resources;
    }

    /**
     * The tools for a server on one transport; each call carries {@code origin}, since the SDK's
     * exchange does not say which transport a request came on and one catalogue serves both.
     */
    public List<SyncToolSpecification> toolSpecifications(CallOrigin origin) {
        List<SyncToolSpecification> specs = new ArrayList<>();
        for (GatewayTool tool : tools) {
            specs.add(SyncToolSpecification.builder().tool(describe(tool))
                    .callHandler((exchange, request) -> invoke(tool, exchange, request, origin)).build());
        }
        return specs;
    }

    /** The tools as served over HTTP (the more restricted origin). */
    public List<SyncToolSpecification> toolSpecifications() {
        return toolSpecifications(CallOrigin.HTTP);
    }

    public List<SyncResourceSpecification> resourceSpecifications() {
        List<SyncResourceSpecification> specs = new ArrayList<>();
        for (GatewayResource resource : resources) {
            McpSchema.Resource described = McpSchema.Resource.builder().uri(resource.uri()).name(resource.name())
                    .title(resource.title()).description(resource.description()).mimeType(resource.mimeType())
                    .build();
            specs.add(new SyncResourceSpecification(described, (exchange, request) -> {
                try {
                    return new ReadResourceResult(List.of(
                            new TextResourceContents(resource.uri(), resource.mimeType(), resource.read())));
                } catch (Exception e) {
                    throw new IllegalStateException("Failed to read " + resource.uri() + ": " + e.getMessage(), e);
                }
            }));
        }
        return specs;
    }

    public List<SyncResourceTemplateSpecification> resourceTemplateSpecifications() {
        List<SyncResourceTemplateSpecification> specs = new ArrayList<>();
        for (GatewayResourceTemplate template : templates) {
            McpSchema.ResourceTemplate described = McpSchema.ResourceTemplate.builder()
                    .uriTemplate(template.uriTemplate()).name(template.name()).title(template.title())
                    .description(template.description()).mimeType(template.mimeType()).build();
            specs.add(new SyncResourceTemplateSpecification(described, (exchange, request) -> {
                try {
                    return new ReadResourceResult(List.of(new TextResourceContents(request.uri(),
                            template.mimeType(), template.read(request.uri()))));
                } catch (IllegalArgumentException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("Failed to read " + request.uri() + ": " + e.getMessage(), e);
                }
            }));
        }
        return specs;
    }

    static McpSchema.Tool describe(GatewayTool tool) {
        McpSchema.Tool.Builder b = McpSchema.Tool.builder().name(tool.name()).description(tool.description())
                .inputSchema(tool.inputSchema().toJsonSchema());
        Map<String, Object> output = tool.outputSchema();
        if (output != null) {
            b.outputSchema(output);
        }
        if (tool.readOnly()) {
            b.annotations(new ToolAnnotations(null, true, false, true, false, null));
        }
        return b.build();
    }

    /** Runs one call outside the SDK too (tests, the validation tools' direct use), as a local stdio call. */
    public static CallToolResult invoke(GatewayTool tool, Map<String, Object> arguments, ProgressReporter progress) {
        return invoke(tool, arguments, progress, CallOrigin.STDIO);
    }

    /** Runs one call from {@code origin}: arguments checked, exceptions turned into isError results. */
    public static CallToolResult invoke(GatewayTool tool, Map<String, Object> arguments, ProgressReporter progress,
                                        CallOrigin origin) {
        Map<String, Object> args;
        try {
            args = tool.inputSchema().validate(arguments);
        } catch (InvalidArgumentsException e) {
            return ToolResults.errorText("Input validation error: " + e.getMessage());
        }
        try {
            return tool.call(new ToolCall(tool.name(), args, progress, origin));
        } catch (InvalidArgumentsException | WorkspaceException e) {
            return ToolResults.errorText(e.getMessage());
        } catch (Exception | LinkageError e) {
            GatewayLog.error("Tool " + tool.name() + " failed", e);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return ToolResults.errorText(message);
        }
    }

    private static CallToolResult invoke(GatewayTool tool, McpSyncServerExchange exchange, CallToolRequest request,
                                         CallOrigin origin) {
        return invoke(tool, request.arguments(), progressFor(exchange, request), origin);
    }

    private static ProgressReporter progressFor(McpSyncServerExchange exchange, CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token == null || exchange == null) {
            return ProgressReporter.NONE;
        }
        AtomicReference<Double> last = new AtomicReference<>(-1.0);
        return (progress, total, message) -> {
            // progress MUST increase; drop anything that would not
            if (progress <= last.getAndUpdate(prev -> Math.max(prev, progress))) {
                return;
            }
            try {
                exchange.progressNotification(new ProgressNotification(token, progress, total, message, null));
            } catch (RuntimeException e) {
                GatewayLog.debug("progress notification not delivered: " + e.getMessage());
            }
        };
    }
}
