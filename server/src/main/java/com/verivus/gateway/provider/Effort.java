package com.verivus.gateway.provider;

/** The effort levels Claude, Grok and Mistral accept for {@code --effort}. */
public enum Effort {
    LOW("low"), MEDIUM("medium"), HIGH("high"), XHIGH("xhigh"), MAX("max");

    private final String key;

    Effort(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Effort fromKey(String key) {
        return Keys.parse(Effort.class, key, Effort::key, "effort");
    }
}
