package com.verivus.gateway.provider.contract;

import java.util.regex.Pattern;

/** Whether a CLI's help text documents a flag: the flag as a whole word, not as part of a longer one. */
public final class HelpText {

    private HelpText() {
    }

    public static boolean mentions(String help, String flag) {
        return Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(flag) + "(?![A-Za-z0-9-])").matcher(help).find();
    }
}
