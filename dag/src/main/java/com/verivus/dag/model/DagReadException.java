package com.verivus.dag.model;

/**
 * The document could not be read at all: the file is missing or is not TOML. Validators treat this
 * as an infrastructure failure (exit 2), not as a rejected DAG (exit 1).
 */
public final class DagReadException extends Exception {

    public DagReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
