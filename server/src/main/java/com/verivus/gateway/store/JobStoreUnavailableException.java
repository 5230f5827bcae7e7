package com.verivus.gateway.store;

/** The configured job store cannot be used (Postgres, for now); the gateway must not start. */
public final class JobStoreUnavailableException extends JobStoreException {

    public JobStoreUnavailableException(String message) {
        super(message);
    }
}
