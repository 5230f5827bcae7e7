package com.verivus.gateway.provider.claude;

import com.verivus.gateway.provider.ProviderRequestException;
import java.util.List;

/**
 * The generated MCP config could not be prepared (strictMcpConfig with unavailable servers, or a write
 * failure). The caller answers {@code {success:false, error:"<operation> failed to prepare Claude MCP config",
 * message, correlationId, mcpServers:{requested, missing}}}.
 */
public final class ClaudeMcpConfigException extends ProviderRequestException {

    private final List<String> requested;
    private final List<String> missing;

    ClaudeMcpConfigException(String message, List<String> requested, List<String> missing, Throwable cause) {
        super(message, cause);
        this.requested = List.copyOf(requested);
        this.missing = List.copyOf(missing);
    }

    public List<String> requested() {
        return requested;
    }

    public List<String> missing() {
        return missing;
    }
}
