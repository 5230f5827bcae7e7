package com.verivus.gateway.validation;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.CliInvocation;
import java.util.List;

/**
 * The argv of a validation job: the prompt and nothing else, so each CLI runs with its own default
 * model and settings. Every CLI takes the prompt as the value of {@code -p}, except Codex, which
 * takes it as the one positional of {@code exec}. Gemini gets {@code -p} too, not the positional
 * prompt of the Node gateway (§14.14), which its upstream contract (no positionals) forbids.
 */
public final class ProviderArgv {

    private ProviderArgv() {
    }

    public static List<String> of(CliName cli, String prompt) {
        return switch (cli) {
            case CODEX -> List.of("exec", "--skip-git-repo-check", prompt);
            case CLAUDE, GEMINI, GROK, MISTRAL -> List.of("-p", prompt);
        };
    }

    /** The job engine's view: no env, no output format, no idle timeout; dedup applies. */
    public static CliInvocation invocation(CliName cli, String prompt) {
        return new CliInvocation(cli, of(cli, prompt), null, null, null, List.of(), false);
    }
}
