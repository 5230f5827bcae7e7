package com.verivus.gateway.store;

/** A job store operation failed (I/O, SQL, a locked database past the busy timeout). */
public class JobStoreException extends RuntimeException {

    public JobStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public JobStoreException(String message) {
        super(message);
    }
}
