package com.verivus.gateway.provider.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an argv the way the CLI's option parser would and lists every way it breaks the contract:
 * unknown flags, flags outside their sub-command, missing or disallowed values, too many or too few
 * positionals. "--" ends the options; everything after it is positional.
 */
final class ArgvChecker {

    private final CliContract contract;
    private final String cli;

    ArgvChecker(CliContract contract) {
        this.contract = contract;
        this.cli = contract.cli().key();
    }

    List<String> check(List<String> args) {
        List<String> problems = new ArrayList<>();
        int i = 0;
        String context = contract.baseContext();
        int min = contract.minPositionals();
        int max = contract.maxPositionals();
        if (contract.command() != null) {
            if (args.isEmpty() || !args.get(0).equals(contract.command())) {
                problems.add(cli + " argv must start with \"" + contract.command() + "\"");
                return problems;
            }
            i = 1;
            if (i < args.size()) {
                Optional<Subcommand> sub = contract.subcommand(args.get(i));
                if (sub.isPresent()) {
                    context = sub.get().name();
                    min = sub.get().minPositionals();
                    max = sub.get().maxPositionals();
                    i++;
                }
            }
        }
        Map<String, FlagSpec> flags = contract.flagsByName();
        int positionals = 0;
        boolean optionsEnded = false;
        while (i < args.size()) {
            String token = args.get(i);
            if (!optionsEnded && token.equals("--")) {
                optionsEnded = true;
                i++;
                continue;
            }
            if (optionsEnded || !isFlag(token)) {
                positionals++;
                i++;
                continue;
            }
            String name = token;
            String inline = null;
            int eq = token.indexOf('=');
            // "--flag=value", and "-f=value" (yargs and clap read a short flag's attached value so too)
            if (token.startsWith("--") ? eq > 2 : eq == 2) {
                name = token.substring(0, eq);
                inline = token.substring(eq + 1);
            }
            FlagSpec spec = flags.get(name);
            if (spec == null) {
                problems.add("Unsupported " + cli + " CLI flag \"" + name + "\" for bundled upstream contract");
                i++;
                continue;
            }
            if (!spec.allowedIn(context)) {
                problems.add(placement(spec, context));
            }
            switch (spec.arity()) {
                case NONE -> {
                    if (inline != null) {
                        problems.add(cli + " CLI flag \"" + name + "\" takes no value");
                    }
                    i++;
                }
                case ONE -> {
                    String value = inline;
                    int next = i + 1;
                    if (value == null && next < args.size()) {
                        value = args.get(next);
                        next++;
                    }
                    if (value == null) {
                        problems.add(cli + " CLI flag \"" + name + "\" requires a value");
                    } else {
                        checkValue(spec, value, problems);
                    }
                    i = next;
                }
                case VARIADIC -> {
                    int j = i + 1;
                    int count = 0;
                    if (inline != null) {
                        checkValue(spec, inline, problems);
                        count++;
                    }
                    while (j < args.size() && !args.get(j).startsWith("-")) {
                        checkValue(spec, args.get(j), problems);
                        count++;
                        j++;
                    }
                    if (count == 0) {
                        problems.add(cli + " CLI flag \"" + name + "\" requires at least one value");
                    }
                    i = j;
                }
            }
        }
        if (positionals > max) {
            problems.add(cli + " CLI accepts at most " + max + " positional argument" + (max == 1 ? "" : "s")
                    + where(context) + ", got " + positionals);
        }
        if (positionals < min) {
            problems.add(cli + " CLI needs at least " + min + " positional argument" + (min == 1 ? "" : "s")
                    + where(context) + ", got " + positionals);
        }
        return problems;
    }

    private String where(String context) {
        return contract.command() == null ? "" : " with \"" + contextLabel(context) + "\"";
    }

    private String contextLabel(String context) {
        return context.equals(contract.command()) ? context : contract.command() + " " + context;
    }

    private String placement(FlagSpec spec, String context) {
        List<String> allowed = spec.contexts().stream().sorted().map(this::contextLabel).toList();
        if (allowed.size() == 1) {
            return cli + " CLI flag \"" + spec.name() + "\" is only valid with " + allowed.get(0)
                    + ", not with " + contextLabel(context);
        }
        return cli + " CLI flag \"" + spec.name() + "\" is not supported with " + contextLabel(context);
    }

    private void checkValue(FlagSpec spec, String value, List<String> problems) {
        if (spec.values() != null && !spec.values().contains(value)) {
            problems.add("Invalid value \"" + value + "\" for " + cli + " CLI flag \"" + spec.name()
                    + "\"; expected one of: " + String.join(", ", spec.values()));
        }
        if (spec.pattern() != null && !spec.pattern().matcher(value).matches()) {
            problems.add("Invalid value \"" + value + "\" for " + cli + " CLI flag \"" + spec.name()
                    + "\"; expected /" + spec.pattern().pattern() + "/");
        }
    }

    private static boolean isFlag(String token) {
        return token.length() > 1 && token.startsWith("-");
    }
}
