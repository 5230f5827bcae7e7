package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.verivus.gateway.log.GatewayLog;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads one incoming JSON-RPC message (a stdio line or an HTTP body) for either transport and decides
 * whether the MCP session may see it. Bad input is the sender's error: it becomes a {@link Inbound.Refused}
 * with a JSON-RPC error in the sender's terms (-32700 not JSON, -32600 not a valid message, -32602 bad
 * params), never an exception and never a stop of the transport.
 */
public final class InboundParser {

    private final McpJsonMapper mapper;

    public InboundParser(McpJsonMapper mapper) {
        this.mapper = mapper;
    }

    public Inbound parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Inbound.Refused.parseError("the message is not valid UTF-8");
        }
        JsonNode tree = PlainJsonReader.read(text).orElse(null);
        if (tree == null) {
            try {
                tree = JsonLimits.STRICT.readTree(text);
            } catch (JsonProcessingException e) {
                return Inbound.Refused.parseError(JsonSyntaxError.describe(e));
            }
        }
        if (tree == null || tree.isMissingNode()) {
            return Inbound.Refused.parseError("the message is empty");
        }
        Optional<String> envelope = Envelope.problem(tree);
        if (envelope.isPresent()) {
            return Inbound.Refused.invalidRequest(envelope.get());
        }
        JsonNode id = tree.get("id");
        if (!tree.has("method") && id.isNull()) {
            // A client's error about something it could not read; the SDK cannot route it (no id).
            GatewayLog.warn("the client reported an error without an id: " + tree.get("error"));
            return new Inbound.Refused(null, tree.at("/error/code").asInt(), "an error response without an id", false,
                    null);
        }
        if (tree.has("method")) {
            String method = tree.get("method").asText();
            Optional<String> params = ParamsCheck.problem(method, tree.get("params"), mapper);
            if (params.isPresent()) {
                boolean request = id != null;
                return new Inbound.Refused(id, McpSchema.ErrorCodes.INVALID_PARAMS,
                        "Invalid params: " + params.get(), request, method);
            }
        }
        try {
            return new Inbound.Accepted(message(tree));
        } catch (RuntimeException e) {
            GatewayLog.warn("a message passed the checks but the MCP SDK could not read it: " + e);
            return Inbound.Refused.invalidRequest("the message could not be read as an MCP message");
        }
    }

    /**
     * What {@link McpSchema#deserializeJsonRpcMessage} makes of the text (the same tests on the same keys,
     * the same target types), converted from the tree already read for the checks: the SDK would parse the
     * text a second time, into a map, on the one thread that reads every incoming message. Requests and
     * notifications are built from the checked envelope directly: a string {@code jsonrpc} and {@code method},
     * and the id and params as the plain values Jackson reads for an {@code Object} (the records declare both so;
     * {@link UntypedValue}); so a fresh JVM does not build Jackson's readers for those records before its first
     * answers.
     */
    private McpSchema.JSONRPCMessage message(JsonNode tree) {
        if (tree.has("method")) {
            String version = tree.get("jsonrpc").asText();
            String method = tree.get("method").asText();
            Object params = untyped(tree.get("params"));
            return tree.has("id") ? new McpSchema.JSONRPCRequest(version, method, untyped(tree.get("id")), params)
                    : new McpSchema.JSONRPCNotification(version, method, params);
        }
        if (tree.has("result") || tree.has("error")) {
            return mapper.convertValue(tree, McpSchema.JSONRPCResponse.class);
        }
        throw new IllegalArgumentException("Cannot deserialize JSONRPCMessage: " + tree);
    }

    private static Object untyped(JsonNode value) {
        return value == null ? null : UntypedValue.of(value);
    }
}
