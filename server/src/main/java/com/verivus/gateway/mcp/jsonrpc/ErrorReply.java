package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The wire form of a JSON-RPC error response. Written by hand because the SDK's response type refuses
 * a null id, which JSON-RPC requires for a message whose id could not be read (that refusal, thrown on
 * the stdio reader thread, used to stop the gateway at the first malformed line).
 */
public final class ErrorReply {

    private ErrorReply() {
    }

    /** {@code {"jsonrpc":"2.0","id":<id or null>,"error":{"code":..,"message":..}}} as compact JSON. */
    public static String json(JsonNode id, int code, String message) {
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        reply.put("jsonrpc", "2.0");
        reply.set("id", id == null ? JsonNodeFactory.instance.nullNode() : id);
        ObjectNode error = reply.putObject("error");
        error.put("code", code);
        error.put("message", message);
        try {
            return JsonLimits.STRICT.writeValueAsString(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON-RPC error", e);
        }
    }

    public static String json(Inbound.Refused refused) {
        return json(refused.id(), refused.code(), refused.message());
    }
}
