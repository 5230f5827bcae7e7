package com.verivus.gateway.workspace;

/**
 * Which transport a tool call arrived on. It decides how far a caller is trusted with the file system:
 * over stdio the client is the local user's own process, over HTTP it may be anyone holding the token.
 */
public enum CallOrigin {
    /** The MCP client launched this gateway and talks over its stdin/stdout. */
    STDIO,
    /** Streamable HTTP: possibly another user or machine. */
    HTTP
}
