package com.verivus.gateway.mcp.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one POSTed JSON-RPC message: bounded in size (413), well-formed JSON (else 400 with a
 * -32700 parse error) and shaped like a JSON-RPC 2.0 request, notification or response (else 400
 * with -32600). Never throws for bad input: bad input is the client's error, not the server's.
 */
final class JsonRpcBody {

    /** The outcome of reading a body. */
    sealed interface Outcome permits Message, Rejected {
    }

    record Message(McpSchema.JSONRPCMessage message) implements Outcome {
    }

    /** A refusal: HTTP status plus the JSON-RPC error code and message of the body. */
    record Rejected(int httpStatus, int code, String message) implements Outcome {
    }

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonRpcBody() {
    }

    static Outcome read(InputStream in, long declaredLength, long maxBytes, McpJsonMapper mapper) {
        if (declaredLength > maxBytes) {
            return tooLarge(maxBytes);
        }
        byte[] bytes;
        try {
            bytes = readBounded(in, maxBytes);
        } catch (RequestBodyStream.TooLarge e) {
            return tooLarge(maxBytes);
        } catch (IOException e) {
            return new Rejected(400, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: could not read the request body");
        }
        if (bytes == null) {
            return tooLarge(maxBytes);
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(bytes);
        } catch (JacksonException e) {
            return new Rejected(400, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Rejected(400, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            return new Rejected(400, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: empty request body");
        }
        String shapeProblem = shapeProblem(tree);
        if (shapeProblem != null) {
            return new Rejected(400, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request: " + shapeProblem);
        }
        try {
            return new Message(McpSchema.deserializeJsonRpcMessage(mapper, new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return new Rejected(400, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid Request: " + e.getMessage());
        }
    }

    /** The error body every refusal carries: a JSON-RPC error response without an id. */
    static byte[] errorBody(int code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", null);
        body.put("error", error);
        try {
            return STRICT.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Rejected tooLarge(long maxBytes) {
        return new Rejected(413, McpSchema.ErrorCodes.INVALID_REQUEST,
                "Request body exceeds the limit of " + maxBytes + " bytes");
    }

    /** The body, or null when it is longer than {@code maxBytes}. */
    private static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) > 0) {
            total += n;
            if (total > maxBytes) {
                return null;
            }
            buf.write(chunk, 0, n);
        }
        return buf.toByteArray();
    }

    private static String shapeProblem(JsonNode tree) {
        if (tree.isArray()) {
            return "batches are not supported; send one JSON-RPC message per request";
        }
        if (!(tree instanceof ObjectNode o)) {
            return "the body must be a JSON-RPC 2.0 message object";
        }
        if (!"2.0".equals(o.path("jsonrpc").asText(null))) {
            return "\"jsonrpc\" must be \"2.0\"";
        }
        JsonNode method = o.get("method");
        JsonNode id = o.get("id");
        if (method != null) {
            if (!method.isTextual() || method.asText().isEmpty()) {
                return "\"method\" must be a non-empty string";
            }
            if (id != null && !id.isNull() && !id.isTextual() && !id.isIntegralNumber()) {
                return "\"id\" must be a string or an integer";
            }
            return null;
        }
        if (id != null && (o.has("result") || o.has("error"))) {
            return null;
        }
        return "neither a request/notification (\"method\") nor a response (\"id\" with \"result\" or \"error\")";
    }
}
