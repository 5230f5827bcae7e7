package com.verivus.gateway.mcp.tools.request;

import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.request.RequestSpec;
import java.util.Objects;
import java.util.function.Function;

/**
 * One provider request tool as data: its name, description, parameters and how a call becomes a
 * {@link RequestSpec}. {@link RequestTool} runs it, sync or async.
 */
record RequestToolDefinition(String name, String description, InputSchema schema, Function<ToolCall, RequestSpec> parser) {

    RequestToolDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(parser, "parser");
    }
}
