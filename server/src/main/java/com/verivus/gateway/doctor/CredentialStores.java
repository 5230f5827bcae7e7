package com.verivus.gateway.doctor;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.provider.CliName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each CLI keeps its login, checked by presence only: the doctor never opens a credential
 * file. Gemini also counts API-key and Vertex AI environment variables.
 */
final class CredentialStores {

    private CredentialStores() {
    }

    /** The credential files the doctor looks for, in order (empty for CLIs with a status command only). */
    static List<Path> files(CliName cli, GatewayEnvironment env) {
        Path h = env.home();
        return switch (cli) {
            case GEMINI -> List.of(h.resolve(".gemini/oauth_creds.json"), h.resolve(".gemini/google_accounts.json"),
                    h.resolve(".config/gemini/oauth_creds.json"));
            case GROK -> List.of(h.resolve(".grok/auth.json"), h.resolve(".config/grok/auth.json"));
            case MISTRAL -> List.of(h.resolve(".vibe/credentials.json"), h.resolve(".vibe/auth.json"),
                    h.resolve(".config/vibe/credentials.json"));
            case CLAUDE, CODEX -> List.of();
        };
    }

    static boolean anyFilePresent(CliName cli, GatewayEnvironment env) {
        return files(cli, env).stream().anyMatch(Files::exists);
    }

    /** The Gemini login methods that are present, by name (values are never read beyond non-emptiness). */
    static List<String> geminiMethods(GatewayEnvironment env) {
        List<String> found = new ArrayList<>();
        if (anyFilePresent(CliName.GEMINI, env)) {
            found.add("oauth credential file");
        }
        if (!env.get("GEMINI_API_KEY").orElse("").isEmpty()) {
            found.add("GEMINI_API_KEY");
        }
        if (!env.get("GOOGLE_API_KEY").orElse("").isEmpty()) {
            found.add("GOOGLE_API_KEY");
        }
        if (!env.get("GOOGLE_CLOUD_PROJECT").orElse("").isEmpty()
                && "true".equals(env.get("GOOGLE_GENAI_USE_VERTEXAI").orElse(null))) {
            found.add("Vertex AI (GOOGLE_CLOUD_PROJECT + GOOGLE_GENAI_USE_VERTEXAI=true)");
        }
        return found;
    }
}
