package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema;

/** What one incoming JSON-RPC text turned out to be: a message for the MCP session, or a refusal to answer. */
public sealed interface Inbound permits Inbound.Accepted, Inbound.Refused {

    /** A well-formed request, notification or response whose params the SDK can read. */
    record Accepted(McpSchema.JSONRPCMessage message) implements Inbound {
    }

    /**
     * Input the session must not see. {@code id} is the request's id when the envelope was a valid
     * request (its params were wrong), else null, as JSON-RPC 2.0 requires when the id cannot be
     * trusted. {@code reply} is false for a notification, which never gets an answer, even an error.
     * {@code method} is the request's method when the envelope was valid, else null.
     */
    record Refused(JsonNode id, int code, String message, boolean reply, String method) implements Inbound {

        public Refused {
            id = id == null || id.isNull() ? null : id;
        }

        public static Refused parseError(String message) {
            return new Refused(null, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: " + message, true, null);
        }

        public static Refused invalidRequest(String message) {
            return new Refused(null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request: " + message, true, null);
        }
    }
}
