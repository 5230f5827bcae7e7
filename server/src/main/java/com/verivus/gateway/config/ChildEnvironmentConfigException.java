package com.verivus.gateway.config;

/** The child-environment settings are invalid: a security setting with a typo must not silently fall back. */
public final class ChildEnvironmentConfigException extends RuntimeException {

    public ChildEnvironmentConfigException(String message) {
        super(message);
    }
}
