package com.verivus.gateway.provider;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses the wire key of an enum (e.g. "mcp_managed") with a message that lists the accepted keys. */
public final class Keys {

    private Keys() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String key, Function<E, String> keyOf, String field) {
        for (E e : type.getEnumConstants()) {
            if (keyOf.apply(e).equals(key)) {
                return e;
            }
        }
        String accepted = Arrays.stream(type.getEnumConstants()).map(keyOf).collect(Collectors.joining(", "));
        throw new ProviderRequestException("Invalid " + field + " value \"" + key + "\": expected one of " + accepted);
    }
}
