package com.verivus.gateway.workspace;

/** A working directory or extra directory that a request may not use; the message says why and what to change. */
public final class WorkspaceException extends RuntimeException {

    public WorkspaceException(String message) {
        super(message);
    }
}
