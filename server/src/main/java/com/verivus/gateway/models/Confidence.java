package com.verivus.gateway.models;

/** How sure the registry is that a model name is usable. */
public enum Confidence {
    LOW, MEDIUM, HIGH;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
