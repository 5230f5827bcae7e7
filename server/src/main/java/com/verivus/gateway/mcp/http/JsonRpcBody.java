package com.verivus.gateway.mcp.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.mcp.jsonrpc.Inbound;
import com.verivus.gateway.mcp.jsonrpc.InboundParser;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one POSTed JSON-RPC message: bounded in size (413), then judged by the same
 * {@link InboundParser} as stdio lines: not JSON gets 400 with -32700, not a valid message 400 with
 * -32600, a valid request with bad params is {@link Unserved} (answered with -32602 and its id once the
 * session is known). Never throws for bad input: bad input is the client's error, not the server's.
 */
final class JsonRpcBody {

    /** The outcome of reading a body. */
    sealed interface Outcome permits Message, Rejected, Unserved {
    }

    record Message(McpSchema.JSONRPCMessage message) implements Outcome {
    }

    /** A refusal: HTTP status plus the JSON-RPC error code and message of the body. */
    record Rejected(int httpStatus, int code, String message) implements Outcome {
    }

    /** A valid envelope the session must not see (bad params, or an id-less error from the client). */
    record Unserved(Inbound.Refused refused) implements Outcome {
    }

    private static final ObjectMapper WRITER = NodeJson.MAPPER;

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
        if (blank(bytes)) {
            return new Rejected(400, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error: empty request body");
        }
        return switch (new InboundParser(mapper).parse(bytes)) {
            case Inbound.Accepted a -> new Message(a.message());
            case Inbound.Refused r when r.id() == null && r.reply() -> new Rejected(400, r.code(), r.message());
            case Inbound.Refused r -> new Unserved(r);
        };
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
            return WRITER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Rejected tooLarge(long maxBytes) {
        return new Rejected(413, McpSchema.ErrorCodes.INVALID_REQUEST,
                "Request body exceeds the limit of " + maxBytes + " bytes");
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
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
}
