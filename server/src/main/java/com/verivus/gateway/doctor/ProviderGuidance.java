package com.verivus.gateway.doctor;

import com.verivus.gateway.provider.CliName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to install and log in to each CLI: the commands are the official ones (§9.3 of the behaviour
 * spec); the sentences are this project's own.
 */
public record ProviderGuidance(CliName cli, String displayName, Install install, Login login,
                               String verificationCommand) {

    public record Install(String summary, List<String> commands, String documentationUrl) {
        public Install {
            commands = List.copyOf(commands);
        }
    }

    public record Login(String summary, List<String> commands, String credentialHandling) {
        public Login {
            commands = List.copyOf(commands);
        }
    }

    private static final String NO_PASTE = "Never paste tokens, API keys or credential files into a prompt, a chat "
            + "or the gateway's configuration; let the CLI keep them in its own store.";

    public static ProviderGuidance of(CliName cli) {
        return switch (cli) {
            case CLAUDE -> new ProviderGuidance(cli, "Claude Code",
                    new Install("Install Claude Code with npm (Node.js 18 or newer).",
                            List.of("npm install -g @anthropic-ai/claude-code"),
                            "https://docs.anthropic.com/en/docs/claude-code/setup"),
                    new Login("Log in to Claude Code with its browser sign-in.", List.of("claude auth login"),
                            NO_PASTE), "claude auth status --json");
            case CODEX -> new ProviderGuidance(cli, "Codex CLI",
                    new Install("Install the Codex CLI with npm.", List.of("npm install -g @openai/codex"),
                            "https://github.com/openai/codex"),
                    new Login("Log in to Codex with ChatGPT in a browser, or with a device code on a headless machine.",
                            List.of("codex login", "codex login --device-auth"), NO_PASTE), "codex login status");
            case GEMINI -> new ProviderGuidance(cli, "Gemini CLI",
                    new Install("Install the Gemini CLI with npm.", List.of("npm install -g @google/gemini-cli"),
                            "https://github.com/google-gemini/gemini-cli"),
                    new Login("Run gemini once and finish the Google sign-in it offers (or export GEMINI_API_KEY "
                            + "in the gateway's environment).", List.of("gemini"),
                            "An API key belongs in the environment of the process that runs the gateway, never in a "
                                    + "prompt or a shared file. " + NO_PASTE), "gemini --version");
            case GROK -> new ProviderGuidance(cli, "Grok CLI",
                    new Install("Install the Grok CLI with npm.", List.of("npm install -g grok-build"),
                            "https://www.npmjs.com/package/grok-build"),
                    new Login("Log in to Grok with OAuth in a browser, or with a device code on a headless machine.",
                            List.of("grok login --oauth", "grok login --device-auth"), NO_PASTE),
                    "grok inspect --json");
            case MISTRAL -> new ProviderGuidance(cli, "Mistral Vibe CLI",
                    // PyPI's "vibe-cli" (named by the Node gateway 1.5.14) is an unrelated project; Mistral's
                    // package is mistral-vibe.
                    new Install("Install the Mistral Vibe CLI (the vibe command) with pip, uv or Homebrew.",
                            List.of("pip install mistral-vibe", "uv tool install mistral-vibe", "brew install mistral-vibe"),
                            "https://github.com/mistralai/mistral-vibe"),
                    new Login("Log in to Vibe, and turn on its session logging so that mistral_request can resume "
                            + "sessions.", List.of("vibe auth login", "vibe config set session_logging.enabled true"),
                            NO_PASTE), "vibe auth status");
        };
    }

    public Map<String, Object> installJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", install.summary());
        m.put("commands", install.commands());
        m.put("documentation_url", install.documentationUrl());
        return m;
    }

    public Map<String, Object> loginJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("summary", login.summary());
        m.put("commands", login.commands());
        m.put("credential_handling", login.credentialHandling());
        return m;
    }
}
