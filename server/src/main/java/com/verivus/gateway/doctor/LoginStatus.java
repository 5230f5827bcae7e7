package com.verivus.gateway.doctor;

import java.util.Locale;

/** Whether a provider CLI is logged in, as far as a probe could tell; {@link #key} is how reports name it. */
public enum LoginStatus {
    AUTHENTICATED, NOT_AUTHENTICATED, UNKNOWN,
    /** The probe did not look (not installed, or a probe that only checks installation). */
    NOT_CHECKED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A reviewer is warned that its job may fail when the login is known bad or could not be told. */
    public boolean worthAWarning() {
        return this == NOT_AUTHENTICATED || this == UNKNOWN;
    }
}
