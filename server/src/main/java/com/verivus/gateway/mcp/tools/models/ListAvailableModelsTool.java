package com.verivus.gateway.mcp.tools.models;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.models.ModelRegistry;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code list_available_models}, the validation family's view of the registry: {success:true, models}
 * as pretty JSON text and as structuredContent, like every validation tool.
 */
public final class ListAvailableModelsTool implements GatewayTool {

    private final ModelRegistry registry;

    public ListAvailableModelsTool(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "list_available_models";
    }

    @Override
    public String description() {
        return "List the providers (claude, codex, gemini, grok, mistral) and models the validation tools "
                + "(validate_with_models, second_opinion, ask_model, ...) can use, with each CLI's default model "
                + "and aliases. Call it to pick the 'models' or 'model' argument of those tools.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.empty();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("models", registry.toJson());
        return ToolResults.structured(ToolResults.pretty(body), body, false);
    }
}
