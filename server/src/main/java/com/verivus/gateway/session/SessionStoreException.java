package com.verivus.gateway.session;

/** A shared session store (PostgreSQL) could not carry out an operation; the message names the store. */
public final class SessionStoreException extends RuntimeException {

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
