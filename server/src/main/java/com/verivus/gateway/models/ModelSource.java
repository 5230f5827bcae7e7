package com.verivus.gateway.models;

/** Where a model entry came from, in rising priority: a later source never loses to an earlier one. */
public enum ModelSource {
    FALLBACK, OBSERVED, CONFIG, ENV;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public int priority() {
        return ordinal();
    }
}
