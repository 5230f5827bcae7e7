package com.verivus.gateway.provider.contract;

import com.verivus.gateway.provider.CliName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway may pass to one CLI: flags with arity and allowed values, environment variables,
 * positional limits, an optional command prefix and sub-commands (Codex), plus documentation for the
 * report: the upstream package, the help commands to probe, the MCP tools and parameters it covers.
 *
 * @param command the first token every argv must start with (Codex: exec), or null
 * @param baseContext the context name when no sub-command follows (Codex: exec; others: the executable)
 * @param maxPositionals positional limit without a sub-command
 */
public record CliContract(CliName cli, String upstream, String command, String baseContext,
                          List<List<String>> helpArgs, List<String> mcpTools, List<String> mcpParameters,
                          List<FlagSpec> flags, List<EnvSpec> env, int minPositionals, int maxPositionals,
                          List<Subcommand> subcommands, List<ConformanceFixture> fixtures) {

    public CliContract {
        helpArgs = helpArgs.stream().map(List::copyOf).toList();
        mcpTools = List.copyOf(mcpTools);
        mcpParameters = List.copyOf(mcpParameters);
        flags = List.copyOf(flags);
        env = List.copyOf(env);
        subcommands = List.copyOf(subcommands);
        fixtures = List.copyOf(fixtures);
    }

    public Map<String, FlagSpec> flagsByName() {
        Map<String, FlagSpec> m = new LinkedHashMap<>();
        flags.forEach(f -> m.put(f.name(), f));
        return m;
    }

    public Optional<FlagSpec> flag(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<Subcommand> subcommand(String name) {
        return subcommands.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<EnvSpec> envVar(String name) {
        return env.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
