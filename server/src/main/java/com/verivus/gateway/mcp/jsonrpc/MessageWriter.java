package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The JSON text of outgoing MCP messages, for both transports. The replies every client asks for first, the
 * {@code initialize} and {@code tools/list} results, and the most frequent one, a tool's result of text blocks,
 * are written field by field with Jackson's streaming generator; every other message by the SDK's mapper.
 *
 * <p>Why: in a fresh JVM the mapper first has to introspect the SDK's records (their accessors and
 * annotations, for which the JDK generates proxy classes) before it can write them. For these two replies
 * that was ~20 ms on the path to the first {@code tools/list} answer, the largest single step left in a
 * stdio start; tool results are the reply of every call (the bean serializers were ~5% of a request's CPU in
 * a burst of calls, more while they were being built). The text is the mapper's, byte for byte: the SDK
 * declares every one of these records {@code @JsonInclude(NON_ABSENT)} with its properties in component order
 * under the names written below
 * ({@code _meta} for {@code meta}), and values are written by the same generator calls the mapper's own
 * serializers make. A value of any other type (an icon, a non-string map key, an enum) goes to the
 * mapper. {@code MessageWriterTest} compares both writers on the gateway's real replies and on generated ones.
 */
public final class MessageWriter {

    private final McpJsonMapper json;
    /** The ObjectMapper behind {@link #json}; null when the SDK's mapper is not Jackson's (then it writes all). */
    private final ObjectMapper mapper;

    public MessageWriter(McpJsonMapper json) {
        this.json = json;
        this.mapper = json instanceof JacksonMcpJsonMapper jackson ? jackson.getObjectMapper() : null;
    }

    /** The message's JSON text, as {@code json.writeValueAsString(message)} writes it. */
    public String write(JSONRPCMessage message) throws IOException {
        if (mapper == null || !(message instanceof JSONRPCResponse response) || response.error() != null
                || !(response.result() instanceof InitializeResult || response.result() instanceof ListToolsResult
                        || response.result() instanceof CallToolResult call && textOnly(call))) {
            return json.writeValueAsString(message);
        }
        StringWriter text = new StringWriter(response.result() instanceof ListToolsResult ? 1 << 16 : 1 << 10);
        try (JsonGenerator g = mapper.createGenerator(text)) {
            g.writeStartObject();
            field(g, "jsonrpc", response.jsonrpc());
            field(g, "id", response.id());
            g.writeFieldName("result");
            if (response.result() instanceof InitializeResult init) {
                initialize(g, init);
            } else if (response.result() instanceof ListToolsResult tools) {
                toolList(g, tools);
            } else {
                toolResult(g, (CallToolResult) response.result());
            }
            g.writeEndObject();
        }
        return text.toString();
    }

    /** A tool result whose content is text blocks without annotations: what every tool of the gateway returns. */
    private static boolean textOnly(CallToolResult r) {
        if (r.content() == null) {
            return false;
        }
        for (Content c : r.content()) {
            if (!(c instanceof TextContent t) || t.annotations() != null) {
                return false;
            }
        }
        return true;
    }

    /** The content items carry their type first, as the SDK's {@code @JsonTypeInfo} on {@link Content} has it. */
    private void toolResult(JsonGenerator g, CallToolResult r) throws IOException {
        g.writeStartObject();
        g.writeFieldName("content");
        g.writeStartArray();
        for (Content c : r.content()) {
            TextContent t = (TextContent) c;
            g.writeStartObject();
            field(g, "type", "text");
            field(g, "text", t.text());
            field(g, "_meta", t.meta());
            g.writeEndObject();
        }
        g.writeEndArray();
        field(g, "isError", r.isError());
        field(g, "structuredContent", r.structuredContent());
        field(g, "_meta", r.meta());
        g.writeEndObject();
    }

    private void initialize(JsonGenerator g, InitializeResult r) throws IOException {
        g.writeStartObject();
        field(g, "protocolVersion", r.protocolVersion());
        if (r.capabilities() != null) {
            g.writeFieldName("capabilities");
            capabilities(g, r.capabilities());
        }
        if (r.serverInfo() != null) {
            g.writeFieldName("serverInfo");
            implementation(g, r.serverInfo());
        }
        field(g, "instructions", r.instructions());
        field(g, "_meta", r.meta());
        g.writeEndObject();
    }

    private void capabilities(JsonGenerator g, ServerCapabilities c) throws IOException {
        g.writeStartObject();
        if (c.completions() != null) {
            g.writeFieldName("completions");
            g.writeStartObject();
            g.writeEndObject();
        }
        field(g, "experimental", c.experimental());
        if (c.logging() != null) {
            g.writeFieldName("logging");
            g.writeStartObject();
            g.writeEndObject();
        }
        if (c.prompts() != null) {
            g.writeFieldName("prompts");
            g.writeStartObject();
            field(g, "listChanged", c.prompts().listChanged());
            g.writeEndObject();
        }
        if (c.resources() != null) {
            g.writeFieldName("resources");
            g.writeStartObject();
            field(g, "subscribe", c.resources().subscribe());
            field(g, "listChanged", c.resources().listChanged());
            g.writeEndObject();
        }
        if (c.tools() != null) {
            g.writeFieldName("tools");
            g.writeStartObject();
            field(g, "listChanged", c.tools().listChanged());
            g.writeEndObject();
        }
        field(g, "extensions", c.extensions());
        g.writeEndObject();
    }

    private void implementation(JsonGenerator g, Implementation i) throws IOException {
        g.writeStartObject();
        field(g, "name", i.name());
        field(g, "title", i.title());
        field(g, "version", i.version());
        field(g, "description", i.description());
        field(g, "icons", i.icons());
        field(g, "websiteUrl", i.websiteUrl());
        g.writeEndObject();
    }

    private void toolList(JsonGenerator g, ListToolsResult r) throws IOException {
        g.writeStartObject();
        if (r.tools() != null) {
            g.writeFieldName("tools");
            g.writeStartArray();
            for (Tool tool : r.tools()) {
                if (tool == null) {
                    g.writeNull();
                } else {
                    tool(g, tool);
                }
            }
            g.writeEndArray();
        }
        field(g, "nextCursor", r.nextCursor());
        field(g, "_meta", r.meta());
        g.writeEndObject();
    }

    private void tool(JsonGenerator g, Tool t) throws IOException {
        g.writeStartObject();
        field(g, "name", t.name());
        field(g, "title", t.title());
        field(g, "description", t.description());
        field(g, "inputSchema", t.inputSchema());
        field(g, "outputSchema", t.outputSchema());
        if (t.annotations() != null) {
            g.writeFieldName("annotations");
            annotations(g, t.annotations());
        }
        field(g, "_meta", t.meta());
        field(g, "icons", t.icons());
        g.writeEndObject();
    }

    private void annotations(JsonGenerator g, ToolAnnotations a) throws IOException {
        g.writeStartObject();
        field(g, "title", a.title());
        field(g, "readOnlyHint", a.readOnlyHint());
        field(g, "destructiveHint", a.destructiveHint());
        field(g, "idempotentHint", a.idempotentHint());
        field(g, "openWorldHint", a.openWorldHint());
        field(g, "returnDirect", a.returnDirect());
        g.writeEndObject();
    }

    /** A property of a NON_ABSENT record: left out when null. */
    private void field(JsonGenerator g, String name, Object value) throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            value(g, value);
        }
    }

    /**
     * A value as the mapper's serializer for its runtime type writes it. (An if-chain, not a pattern switch: a
     * type switch is linked by an invokedynamic bootstrap on first use, a cost this class exists to avoid.)
     */
    private void value(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Float f) {
            g.writeNumber(f);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Map<?, ?> map && stringKeys(map)) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                value(g, item);
            }
            g.writeEndArray();
        } else {
            mapper.writeValue(g, value);
        }
    }

    private static boolean stringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }
}
