package com.verivus.gateway.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A review receipt as stored: its JSON body and the SHA-256 of that body, written together, so that a
 * reader can tell the body is the one that was written.
 *
 * @param artifactSha256 the hash of the change set the receipt covers (indexed, to find receipts of a change set)
 */
public record StoredReceipt(String id, Instant createdAt, String artifactSha256, String body, String bodySha256) {

    public StoredReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(artifactSha256, "artifactSha256");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bodySha256, "bodySha256");
    }
}
