package com.verivus.gateway.validation;

import com.verivus.gateway.provider.CliName;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the request tools' upstream contract checker (another branch), with the rules of
 * §10.7 that a validation argv meets: codex must start with {@code exec}; every {@code -x} token must
 * be a known flag (a flag of arity one takes the next token, whatever it starts with); positionals
 * are limited (codex 1, the others 0).
 */
public final class UpstreamContractStandIn {

    private enum Arity { NONE, ONE }

    private static final Map<CliName, Map<String, Arity>> FLAGS = Map.of(
            CliName.CLAUDE, Map.of("-p", Arity.ONE, "--model", Arity.ONE, "--output-format", Arity.ONE),
            CliName.CODEX, Map.of("--model", Arity.ONE, "--skip-git-repo-check", Arity.NONE, "--json", Arity.NONE),
            CliName.GEMINI, Map.of("-p", Arity.ONE, "--model", Arity.ONE, "-o", Arity.ONE),
            CliName.GROK, Map.of("-p", Arity.ONE, "--model", Arity.ONE),
            CliName.MISTRAL, Map.of("-p", Arity.ONE, "--agent", Arity.ONE));

    private UpstreamContractStandIn() {
    }

    public static void check(CliName cli, List<String> args) {
        int i = 0;
        if (cli == CliName.CODEX) {
            if (args.isEmpty() || !"exec".equals(args.getFirst())) {
                throw new IllegalArgumentException("Upstream codex CLI contract violation: codex argv must start with "
                        + "\"exec\"");
            }
            i = 1;
        }
        int positionals = 0;
        for (; i < args.size(); i++) {
            String token = args.get(i);
            if (token.startsWith("-")) {
                Arity arity = FLAGS.get(cli).get(token);
                if (arity == null) {
                    throw new IllegalArgumentException("Upstream " + cli.key() + " CLI contract violation: Unsupported "
                            + cli.key() + " CLI flag \"" + token + "\" for bundled upstream contract");
                }
                if (arity == Arity.ONE) {
                    i++;
                }
            } else {
                positionals++;
            }
        }
        int max = cli == CliName.CODEX ? 1 : 0;
        if (positionals > max) {
            throw new IllegalArgumentException("Upstream " + cli.key() + " CLI contract violation: " + positionals
                    + " positional argument(s), at most " + max + " allowed");
        }
    }
}
