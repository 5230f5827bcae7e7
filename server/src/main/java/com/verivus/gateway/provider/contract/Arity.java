package com.verivus.gateway.provider.contract;

import java.util.Locale;

/** How many values a flag takes. */
public enum Arity {
    /** A switch. */
    NONE,
    /** Exactly the next token, even when it starts with "-". */
    ONE,
    /** One or more following tokens, up to the next token that starts with "-". */
    VARIADIC;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
