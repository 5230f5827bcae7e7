package com.verivus.gateway.session;

/** The configured shared session store (DATABASE_URL + REDIS_URL) cannot be used; the gateway must not start. */
public final class SessionStoreUnavailableException extends RuntimeException {

    public SessionStoreUnavailableException(String message) {
        super(message);
    }
}
