package com.verivus.gateway.mcp.tools.models;

import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.models.ModelRegistry;
import com.verivus.gateway.provider.CliName;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code list_models}: the model registry, for every CLI or one; text is the pretty JSON map. */
public final class ListModelsTool implements GatewayTool {

    private final ModelRegistry registry;

    public ListModelsTool(ModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "list_models";
    }

    @Override
    public String description() {
        return "List the models each CLI can be asked for, with descriptions, the default model, configured "
                + "aliases and where each entry came from (bundled, observed, config file, env). Use it before "
                + "passing 'model' to a request tool; 'latest' or 'default' there means the defaultModel shown here.";
    }

    @Override
    public InputSchema inputSchema() {
        List<String> values = new ArrayList<>(CliName.keys());
        values.add(""); // the Node gateway treats "" (and null) as "all CLIs"
        return InputSchema.builder()
                .string("cli", "Only show this CLI (claude|codex|gemini|grok|mistral); omit, null or \"\" for all.",
                        p -> p.allowed(values).nullable())
                .build();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        String key = call.string("cli").filter(s -> !s.isEmpty()).orElse(null);
        if (key == null) {
            return ToolResults.text(ToolResults.pretty(registry.toJson()));
        }
        CliName cli = CliName.fromKey(key).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(cli.key(), registry.cliInfo(cli).toJson());
        return ToolResults.text(ToolResults.pretty(body));
    }
}
