package com.verivus.gateway.provider;

import java.util.UUID;

/** Where new session ids come from; random v4 UUIDs in production, fixed ones in tests. */
@FunctionalInterface
public interface IdSource {

    /** A new lower-case v4 UUID string. */
    String newUuid();

    static IdSource random() {
        return () -> UUID.randomUUID().toString();
    }
}
