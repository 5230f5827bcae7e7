package com.verivus.gateway.config;

/**
 * The {@code [persistence]} settings cannot be used; the gateway refuses to start. The message is the
 * documented text a user sees after {@code Fatal server error: }.
 */
public final class PersistenceConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PersistenceConfigException(String message) {
        super(message);
    }
}
