package com.verivus.gateway.recorder;

import java.util.Locale;

/** The final status written to {@code gateway_metadata.status} (a row starts as {@code started}). */
public enum RequestStatus {
    COMPLETED, FAILED, CANCELED, ORPHANED;

    /** The value stored in the column: completed, failed, canceled, orphaned. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
