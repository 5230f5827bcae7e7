package com.verivus.gateway.validation;

import java.util.Locale;

/** What a validation run asks its providers to do; each intent has its own prompt. */
public enum ValidationIntent {
    VALIDATE, SECOND_OPINION, RED_TEAM, CONSENSUS, ASK_MODEL;

    /** validate, second_opinion, red_team, consensus, ask_model: as the Node gateway spells them. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
