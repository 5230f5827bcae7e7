package com.verivus.gateway.mcp.stdio;

import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;

/**
 * Where a stdio session is in MCP's opening handshake (initialize, its answer, notifications/initialized),
 * and what to do with a message that does not follow it. The SDK's session holds every request but
 * initialize until notifications/initialized arrives, for ever if it never does; the Node gateway answers
 * such requests. So: a request after initialize but before notifications/initialized takes the session
 * as initialized (as if the notification had come first), a request before initialize is refused at
 * once, and a second notifications/initialized is dropped. Pings never reach this: they are answered
 * at any time.
 *
 * <p>Not thread-safe: the stdin reader alone consults it, one message after the other.
 */
final class Handshake {

    /** What to do with one message. */
    enum Step {
        /** Hand it to the session. */
        PASS,
        /** Hand the session a notifications/initialized first, then the message. */
        INITIALIZED_FIRST,
        /** Answer it with {@link #notInitialized} instead; the session never sees it. */
        REFUSE,
        /** A repeated notifications/initialized: the session already has one. */
        DROP
    }

    static final JSONRPCNotification INITIALIZED =
            new JSONRPCNotification(McpSchema.JSONRPC_VERSION, McpSchema.METHOD_NOTIFICATION_INITIALIZED, null);

    private boolean initializeSeen;
    private boolean initializedSeen;

    Step next(JSONRPCMessage message) {
        if (message instanceof JSONRPCRequest request) {
            if (McpSchema.METHOD_INITIALIZE.equals(request.method())) {
                initializeSeen = true;
                return Step.PASS;
            }
            if (initializedSeen) {
                return Step.PASS;
            }
            if (!initializeSeen) {
                return Step.REFUSE;
            }
            initializedSeen = true;
            return Step.INITIALIZED_FIRST;
        }
        if (message instanceof JSONRPCNotification notification
                && McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(notification.method())) {
            if (initializedSeen) {
                return Step.DROP;
            }
            initializedSeen = true;
        }
        return Step.PASS;
    }

    /** The error that answers a request refused before initialize. */
    static McpSchema.JSONRPCResponse.JSONRPCError notInitialized(String method) {
        return new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INVALID_REQUEST,
                "The session is not initialized: send initialize (then notifications/initialized) before "
                        + method, null);
    }
}
