package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON type of a value, as a client would say it ("a string", "null", "an array"). */
final class JsonKind {

    private JsonKind() {
    }

    static String of(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case BOOLEAN -> "a boolean";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a fractional number";
            case STRING -> "a string";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "an unsupported value";
        };
    }
}
