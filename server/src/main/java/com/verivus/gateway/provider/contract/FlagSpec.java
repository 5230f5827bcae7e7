package com.verivus.gateway.provider.contract;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One flag a CLI accepts from the gateway.
 *
 * @param values the accepted values (null = any)
 * @param pattern a pattern every value must match (null = any)
 * @param contexts the sub-commands the flag is valid in (Codex: exec, resume, fork); null = everywhere
 * @param hiddenInHelp the CLI accepts the flag but leaves it out of --help (so a help probe cannot see it)
 */
public record FlagSpec(String name, Arity arity, List<String> values, Pattern pattern, String description,
                       Set<String> contexts, boolean hiddenInHelp) {

    public FlagSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arity, "arity");
        values = values == null ? null : List.copyOf(values);
        contexts = contexts == null ? null : Set.copyOf(contexts);
    }

    public static FlagSpec toggle(String name, String description) {
        return new FlagSpec(name, Arity.NONE, null, null, description, null, false);
    }

    public static FlagSpec value(String name, String description) {
        return new FlagSpec(name, Arity.ONE, null, null, description, null, false);
    }

    public static FlagSpec choice(String name, String description, List<String> values) {
        return new FlagSpec(name, Arity.ONE, values, null, description, null, false);
    }

    public static FlagSpec matching(String name, String description, String regex) {
        return new FlagSpec(name, Arity.ONE, null, Pattern.compile(regex), description, null, false);
    }

    public static FlagSpec variadic(String name, String description) {
        return new FlagSpec(name, Arity.VARIADIC, null, null, description, null, false);
    }

    public FlagSpec only(String... onlyIn) {
        return new FlagSpec(name, arity, values, pattern, description, Set.of(onlyIn), hiddenInHelp);
    }

    public FlagSpec hidden() {
        return new FlagSpec(name, arity, values, pattern, description, contexts, true);
    }

    public boolean allowedIn(String context) {
        return contexts == null || contexts.contains(context);
    }
}
