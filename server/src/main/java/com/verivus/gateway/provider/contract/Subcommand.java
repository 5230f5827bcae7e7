package com.verivus.gateway.provider.contract;

/**
 * A sub-command context after the CLI's command prefix (Codex: {@code exec resume}, {@code exec fork}),
 * with its own positional limits. Flags name the contexts they are valid in ({@link FlagSpec#contexts()}).
 */
public record Subcommand(String name, int minPositionals, int maxPositionals, String description) {
}
