package com.verivus.gateway.doctor;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.LoginGuide;
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

        /** The shared login advice of {@link LoginGuide} with this credential note. */
        static Login of(CliName cli, String credentialHandling) {
            LoginGuide guide = LoginGuide.of(cli);
            return new Login(guide.summary(), guide.commands(), credentialHandling);
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
                    Login.of(cli, NO_PASTE), "claude auth status --json");
            case CODEX -> new ProviderGuidance(cli, "Codex CLI",
                    new Install("Install the Codex CLI with npm.", List.of("npm install -g @openai/codex"),
                            "https://github.com/openai/codex"),
                    Login.of(cli, NO_PASTE), "codex login status");
            case GEMINI -> new ProviderGuidance(cli, "Gemini CLI",
                    new Install("Install the Gemini CLI with npm.", List.of("npm install -g @google/gemini-cli"),
                            "https://github.com/google-gemini/gemini-cli"),
                    Login.of(cli, "An API key belongs in the environment of the process that runs the gateway, "
                            + "never in a prompt or a shared file. " + NO_PASTE), "gemini --version");
            case GROK -> new ProviderGuidance(cli, "Grok CLI",
                    // not on npm (the registry has no grok-build package): no install command to offer
                    new Install("The Grok CLI is not published on npm; install xAI's grok command from its own "
                            + "distribution and make sure grok is on the gateway's PATH.", List.of(), "https://x.ai"),
                    Login.of(cli, NO_PASTE),
                    "grok inspect --json");
            case MISTRAL -> new ProviderGuidance(cli, "Mistral Vibe CLI",
                    // PyPI's "vibe-cli" (named by the Node gateway 1.5.14) is an unrelated project; Mistral's
                    // package is mistral-vibe.
                    new Install("Install the Mistral Vibe CLI (the vibe command) with pip, uv or Homebrew.",
                            List.of("pip install mistral-vibe", "uv tool install mistral-vibe", "brew install mistral-vibe"),
                            "https://github.com/mistralai/mistral-vibe"),
                    Login.of(cli, NO_PASTE), "vibe auth status");
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
