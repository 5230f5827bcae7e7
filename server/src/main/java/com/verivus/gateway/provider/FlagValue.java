package com.verivus.gateway.provider;

import java.util.List;

/**
 * A flag with a caller's value, written so that the CLI's option parser takes the value as the value and
 * never as a flag of its own: {@code --flag value}, or {@code --flag=value} when the value starts with "-".
 * The attached form was checked against each parser that gets it: commander (claude), yargs (gemini, also
 * for the short {@code -p=}), clap (codex), which without it refuses or misreads a dash-leading value.
 */
public final class FlagValue {

    private FlagValue() {
    }

    public static void append(List<String> argv, String flag, String value) {
        if (startsWithDash(value)) {
            argv.add(flag + "=" + value);
        } else {
            argv.add(flag);
            argv.add(value);
        }
    }

    public static boolean startsWithDash(String value) {
        return value != null && value.startsWith("-");
    }
}
