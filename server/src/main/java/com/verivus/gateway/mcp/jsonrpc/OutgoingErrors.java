package com.verivus.gateway.mcp.jsonrpc;

import com.verivus.gateway.log.GatewayLog;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import java.util.regex.Pattern;

/**
 * The last check on every JSON-RPC error the SDK sends: its generic handler puts the message of
 * whatever exception a handler threw into the reply (and the chain of causes into {@code data}). A
 * message that names Java types or packages describes the server, not the caller's mistake; it is
 * replaced by the standard text of its code and logged on stderr in full.
 */
public final class OutgoingErrors {

    /** Java package prefixes, exception class names and stack-frame shapes. */
    static final Pattern INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com\\.fasterxml|com\\.verivus|io\\.modelcontextprotocol|io\\.helidon|reactor)"
                    + "\\.[a-z]|\\b[A-Z]\\w*(?:Exception|Error)\\b|\\bException\\b"
                    + "|\\bat [\\w.$]+\\(\\w+\\.java:\\d+\\)");

    private OutgoingErrors() {
    }

    public static McpSchema.JSONRPCMessage forCaller(McpSchema.JSONRPCMessage message) {
        if (!(message instanceof JSONRPCResponse r) || r.error() == null) {
            return message;
        }
        JSONRPCResponse.JSONRPCError error = r.error();
        String data = error.data() == null ? "" : String.valueOf(error.data());
        if (!namesInternals(error.message()) && !namesInternals(data)) {
            return message;
        }
        GatewayLog.warn("JSON-RPC error " + error.code() + " to the client reworded; original: " + error.message()
                + (data.isEmpty() ? "" : " [" + data + "]"));
        return new JSONRPCResponse(r.jsonrpc(), r.id(), null,
                new JSONRPCResponse.JSONRPCError(error.code(), standardText(error.code()), null));
    }

    static boolean namesInternals(String text) {
        return text != null && INTERNALS.matcher(text).find();
    }

    private static String standardText(int code) {
        return switch (code) {
            case McpSchema.ErrorCodes.PARSE_ERROR -> "Parse error";
            case McpSchema.ErrorCodes.INVALID_REQUEST -> "Invalid Request";
            case McpSchema.ErrorCodes.METHOD_NOT_FOUND -> "Method not found";
            case McpSchema.ErrorCodes.INVALID_PARAMS -> "Invalid params";
            default -> "Internal error: the request failed on the server (details are in its log)";
        };
    }
}
