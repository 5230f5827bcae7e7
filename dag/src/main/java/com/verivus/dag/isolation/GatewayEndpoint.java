package com.verivus.dag.isolation;

import java.net.URI;

/**
 * Where a gateway listens and how to authenticate to it.
 *
 * @param url the URL the gateway announced (its MCP path, e.g. http://127.0.0.1:41234/mcp) or the one given
 * @param token the bearer token, or null when the server needs none
 */
record GatewayEndpoint(URI url, String token) {

    /** {@code /process-health} on the same origin as the announced URL. */
    URI processHealth() {
        return url.resolve("/process-health");
    }
}
