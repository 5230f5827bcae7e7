package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The JSON-RPC 2.0 envelope of one message as MCP 2025-11-25 allows it: one object (no batches since
 * 2025-06-18), {@code "jsonrpc":"2.0"}, a non-empty string method, an id that is a string or a 64-bit
 * integer (MCP forbids null), or a response carrying exactly one of {@code result} (an object) and
 * {@code error}.
 */
final class Envelope {

    private Envelope() {
    }

    /** What is wrong with the envelope, in the sender's terms; empty when it is a valid message. */
    static Optional<String> problem(JsonNode tree) {
        if (tree.isArray()) {
            return Optional.of("batches are not supported (MCP removed JSON-RPC batching in 2025-06-18); "
                    + "send one message at a time");
        }
        if (!(tree instanceof ObjectNode o)) {
            return Optional.of("a JSON-RPC message must be a JSON object, not " + JsonKind.of(tree));
        }
        JsonNode version = o.get("jsonrpc");
        if (version == null || !version.isTextual() || !"2.0".equals(version.asText())) {
            return Optional.of("\"jsonrpc\" must be the string \"2.0\"");
        }
        JsonNode method = o.get("method");
        JsonNode id = o.get("id");
        if (method != null) {
            if (!method.isTextual() || method.asText().isEmpty()) {
                return Optional.of("\"method\" must be a non-empty string, not " + JsonKind.of(method));
            }
            if (o.has("result") || o.has("error")) {
                return Optional.of("a request has no \"result\" or \"error\"");
            }
            return id == null ? Optional.empty() : idProblem(id);
        }
        boolean result = o.has("result");
        boolean error = o.has("error");
        if (!result && !error) {
            return Optional.of("no \"method\" (a request or notification) and no \"result\" or \"error\" (a response)");
        }
        if (result && error) {
            return Optional.of("a response has either \"result\" or \"error\", not both");
        }
        if (id == null) {
            return Optional.of("a response needs the \"id\" of the request it answers");
        }
        if (result && !o.get("result").isObject()) {
            return Optional.of("\"result\" must be an object (MCP results are objects), not "
                    + JsonKind.of(o.get("result")));
        }
        if (error) {
            JsonNode e = o.get("error");
            if (!e.isObject() || !e.path("code").isIntegralNumber() || !e.path("message").isTextual()) {
                return Optional.of("\"error\" must be an object with an integer \"code\" and a string \"message\"");
            }
            if (id.isNull()) {
                return Optional.empty(); // allowed: the sender could not read the id of what it answers
            }
        }
        return idProblem(id);
    }

    /** A usable id: a string, or an integer that fits in 64 bits (the MCP SDK keeps ids as longs). */
    static boolean validId(JsonNode id) {
        return id != null && (id.isTextual() || id.isIntegralNumber() && id.canConvertToLong());
    }

    private static Optional<String> idProblem(JsonNode id) {
        if (validId(id)) {
            return Optional.empty();
        }
        if (id.isIntegralNumber()) {
            return Optional.of("\"id\" is too large: integer ids must lie between -2^63 and 2^63-1");
        }
        return Optional.of("\"id\" must be a string or an integer, not " + JsonKind.of(id));
    }
}
