package com.verivus.gateway.changereview;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One part of a change set, in the order the artifact lists them. */
public enum ChangePart {
    COMMITTED("committed"),
    STAGED("staged"),
    UNSTAGED("unstaged"),
    UNTRACKED("untracked");

    private final String key;

    ChangePart(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ChangePart::key).toList();
    }

    public static Optional<ChangePart> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
