package com.verivus.gateway.doctor;

import java.util.Locale;

/** What the doctor learned about a CLI's login, as the report names it. */
public enum LoginStatus {
    AUTHENTICATED, NOT_AUTHENTICATED, UNKNOWN, NOT_CHECKED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
