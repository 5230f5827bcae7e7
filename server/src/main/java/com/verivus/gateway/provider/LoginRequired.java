package com.verivus.gateway.provider;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a CLI's "you are not logged in" answer in what a failed run printed, and says how to log in.
 * The phrases are the ones today's CLIs print: claude {@code Not logged in · Please run /login} (stdout, every
 * output format), codex {@code Not logged in} / {@code 401 Unauthorized}, gemini {@code Please set an Auth method
 * ...} (stderr, exit 41).
 */
public final class LoginRequired {

    private static final Pattern PHRASES = Pattern.compile(
            "not\\s+(?:logged|signed)\\s*in|please run /login|please set an auth method|invalid api key"
                    + "|401 unauthorized|unauthenticated|login required|no credentials found|logged\\s*out",
            Pattern.CASE_INSENSITIVE);

    /**
     * The exact answers of the CLIs themselves, for deciding that a CLI is logged out (the broader {@link #says}
     * only adds advice to an error: a run whose agent met a 401 somewhere must not block its CLI).
     */
    private static final Map<CliName, Pattern> OWN_ANSWER = Map.of(
            CliName.CLAUDE, Pattern.compile("(?:Not logged in|Invalid API key) \u00b7 Please run /login"),
            CliName.CODEX, Pattern.compile("(?m)^Not logged in\\s*$"),
            CliName.GEMINI, Pattern.compile("Please set an Auth method in your \\S*settings\\.json"));
    private static final int OWN_ANSWER_TAIL = 2000;

    private LoginRequired() {
    }

    /** Whether the end of a failed run's stdout or stderr is the CLI's own "you are not logged in" answer. */
    public static boolean cliAnswered(CliName cli, String stdout, String stderr) {
        Pattern own = OWN_ANSWER.get(cli);
        return own != null && (own.matcher(tail(stdout)).find() || own.matcher(tail(stderr)).find());
    }

    private static String tail(String s) {
        return s == null ? "" : s.length() <= OWN_ANSWER_TAIL ? s : s.substring(s.length() - OWN_ANSWER_TAIL);
    }

    /** Whether {@code output} (stdout and stderr of a failed run) says the CLI is not logged in. */
    public static boolean says(String output) {
        return output != null && PHRASES.matcher(output).find();
    }

    /** The advice to append to the error of a run whose output says it is not logged in. */
    public static Optional<String> hint(CliName cli, String output) {
        if (!says(output)) {
            return Optional.empty();
        }
        return Optional.of(advice(cli));
    }

    /** How to fix a CLI that is not logged in, in one paragraph. */
    public static String advice(CliName cli) {
        LoginGuide guide = LoginGuide.of(cli);
        return cli.displayName() + " (" + cli.executable() + ") is not logged in. A person must log in once in a "
                + "terminal on the gateway's machine: " + String.join("  or  ", guide.commands().stream()
                .limit(cli == CliName.MISTRAL ? 1 : guide.commands().size()).toList())
                + " (" + guide.summary() + ") Then retry; `jbang doctor@verivus` checks every CLI's login.";
    }
}
