package com.verivus.gateway.mcp;

/** Arguments of a tool call that do not fit the tool's {@link InputSchema}; its message names the field. */
public final class InvalidArgumentsException extends RuntimeException {

    public InvalidArgumentsException(String message) {
        super(message);
    }
}
