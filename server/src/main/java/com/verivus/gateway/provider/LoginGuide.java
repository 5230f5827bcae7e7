package com.verivus.gateway.provider;

import java.util.List;

/**
 * How a person logs in to each CLI: the official commands (§9.3 of the behaviour spec) and one sentence.
 * Shared by the doctor's next actions and by the error a request gets from a logged-out CLI, so that
 * both give the same advice.
 */
public record LoginGuide(CliName cli, String summary, List<String> commands) {

    public LoginGuide {
        commands = List.copyOf(commands);
    }

    public static LoginGuide of(CliName cli) {
        return switch (cli) {
            case CLAUDE -> new LoginGuide(cli, "Log in to Claude Code with its browser sign-in.",
                    List.of("claude auth login"));
            case CODEX -> new LoginGuide(cli,
                    "Log in to Codex with ChatGPT in a browser, or with a device code on a headless machine.",
                    List.of("codex login", "codex login --device-auth"));
            case GEMINI -> new LoginGuide(cli, "Run gemini once and finish the Google sign-in it offers (or export "
                    + "GEMINI_API_KEY in the gateway's environment).", List.of("gemini"));
            case GROK -> new LoginGuide(cli,
                    "Log in to Grok with OAuth in a browser, or with a device code on a headless machine.",
                    List.of("grok login --oauth", "grok login --device-auth"));
            case MISTRAL -> new LoginGuide(cli, "Log in to Vibe, and turn on its session logging so that "
                    + "mistral_request can resume sessions.",
                    List.of("vibe auth login", "vibe config set session_logging.enabled true"));
        };
    }

    /**
     * The variables that log the CLI in without its login command (API keys, tokens), when set in the
     * gateway's environment; empty when the CLI reads none.
     */
    public static List<String> apiKeyVariables(CliName cli) {
        return switch (cli) {
            case CLAUDE -> List.of("ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN");
            case CODEX -> List.of("OPENAI_API_KEY", "CODEX_API_KEY");
            case GEMINI -> List.of("GEMINI_API_KEY", "GOOGLE_API_KEY");
            case GROK, MISTRAL -> List.of();
        };
    }

    /** The first command, which is the one to run on a desktop. */
    public String primaryCommand() {
        return commands.getFirst();
    }
}
