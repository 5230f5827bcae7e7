package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the params of the MCP methods the gateway serves before the SDK reads them. Without it a
 * {@code tools/call} with {@code params: null} failed inside the SDK (no reply at all over HTTP) and a
 * {@code name: ["x"]} was answered with Jackson's {@code Cannot deserialize value of type
 * `java.lang.String`}; here each problem is named by its field, in JSON terms.
 */
final class ParamsCheck {

    /** What the SDK converts a method's params into, and the fields it cannot do without. */
    private record Shape(TypeRef<?> type, List<String> requiredStrings, List<String> requiredObjects) {
    }

    private static final Shape PAGINATED = new Shape(new TypeRef<McpSchema.PaginatedRequest>() {
    }, List.of(), List.of());

    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry(McpSchema.METHOD_INITIALIZE, new Shape(InitializeParams.TYPE, List.of("protocolVersion"), List.of())),
            Map.entry(McpSchema.METHOD_TOOLS_CALL, new Shape(new TypeRef<McpSchema.CallToolRequest>() {
            }, List.of("name"), List.of())),
            Map.entry(McpSchema.METHOD_RESOURCES_READ, new Shape(new TypeRef<McpSchema.ReadResourceRequest>() {
            }, List.of("uri"), List.of())),
            Map.entry(McpSchema.METHOD_RESOURCES_SUBSCRIBE, new Shape(new TypeRef<McpSchema.SubscribeRequest>() {
            }, List.of("uri"), List.of())),
            Map.entry(McpSchema.METHOD_RESOURCES_UNSUBSCRIBE, new Shape(new TypeRef<McpSchema.UnsubscribeRequest>() {
            }, List.of("uri"), List.of())),
            Map.entry(McpSchema.METHOD_PROMPT_GET, new Shape(new TypeRef<McpSchema.GetPromptRequest>() {
            }, List.of("name"), List.of())),
            Map.entry(McpSchema.METHOD_LOGGING_SET_LEVEL, new Shape(new TypeRef<McpSchema.SetLevelRequest>() {
            }, List.of("level"), List.of())),
            Map.entry(McpSchema.METHOD_COMPLETION_COMPLETE, new Shape(new TypeRef<McpSchema.CompleteRequest>() {
            }, List.of(), List.of("ref", "argument"))),
            Map.entry(McpSchema.METHOD_TOOLS_LIST, PAGINATED),
            Map.entry(McpSchema.METHOD_RESOURCES_LIST, PAGINATED),
            Map.entry(McpSchema.METHOD_RESOURCES_TEMPLATES_LIST, PAGINATED),
            Map.entry(McpSchema.METHOD_PROMPT_LIST, PAGINATED));

    /** MCP's syslog levels, as logging/setLevel accepts them. */
    private static final List<String> LOG_LEVELS = List.of("debug", "info", "notice", "warning", "error",
            "critical", "alert", "emergency");

    private ParamsCheck() {
    }

    /** What is wrong with {@code params} (null when absent) for {@code method}; empty when the SDK can read them. */
    static Optional<String> problem(String method, JsonNode params, McpJsonMapper mapper) {
        boolean absent = params == null || params.isNull();
        if (!absent && !params.isObject()) {
            return Optional.of("params must be an object, not " + JsonKind.of(params));
        }
        Shape shape = SHAPES.get(method);
        if (shape == null) {
            return Optional.empty(); // ping, notifications, unknown methods: the session decides
        }
        boolean needsParams = !shape.requiredStrings().isEmpty() || !shape.requiredObjects().isEmpty();
        if (absent) {
            return needsParams ? Optional.of(method + " needs params (an object)") : Optional.empty();
        }
        if (!needsParams && params.isEmpty()) {
            return Optional.empty(); // {} reads as a request with every (optional) field unset
        }
        for (String field : shape.requiredStrings()) {
            JsonNode value = params.get(field);
            if (value == null || value.isNull()) {
                return Optional.of("params." + field + " is required");
            }
            if (!value.isTextual()) {
                return Optional.of("params." + field + ": expected a string, not " + JsonKind.of(value));
            }
        }
        for (String field : shape.requiredObjects()) {
            JsonNode value = params.get(field);
            if (value == null || value.isNull()) {
                return Optional.of("params." + field + " is required");
            }
            if (!value.isObject()) {
                return Optional.of("params." + field + ": expected an object, not " + JsonKind.of(value));
            }
        }
        if (McpSchema.METHOD_LOGGING_SET_LEVEL.equals(method) && !LOG_LEVELS.contains(params.get("level").asText())) {
            // the SDK's mapper reads an unknown level as null instead of refusing it
            return Optional.of("params.level: not one of " + String.join(", ", LOG_LEVELS));
        }
        if (McpSchema.METHOD_INITIALIZE.equals(method)
                && InitializeParams.common(UntypedValue.of(params)).isPresent()) {
            return Optional.empty(); // a shape read without Jackson's readers for the SDK's records
        }
        if (McpSchema.METHOD_TOOLS_CALL.equals(method) && plainToolCall(params)) {
            return Optional.empty(); // the SDK reads such params into its record whatever the values
        }
        try {
            mapper.convertValue(params, shape.type());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(FieldMismatch.describe(mappingCause(e), params));
        }
    }

    /**
     * A tools/call whose params have only the record's fields, {@code arguments} and {@code _meta} objects
     * (or null): the name is already known to be a string, and any object reads as the record's maps.
     */
    private static boolean plainToolCall(JsonNode params) {
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey()) {
                case "name" -> { }
                case "arguments", "_meta" -> {
                    if (!field.getValue().isObject() && !field.getValue().isNull()) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    private static JsonMappingException mappingCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException m) {
                return m;
            }
        }
        return null;
    }
}
