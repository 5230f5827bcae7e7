package com.verivus.gateway.provider;

/**
 * A request that cannot be turned into a CLI run: a bad value, a missing file, a reserved session id.
 * The message is the exact text the Node gateway shows to the MCP client; nothing has been spawned.
 */
public class ProviderRequestException extends IllegalArgumentException {

    public ProviderRequestException(String message) {
        super(message);
    }

    public ProviderRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
