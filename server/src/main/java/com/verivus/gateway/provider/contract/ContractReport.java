package com.verivus.gateway.provider.contract;

import com.verivus.gateway.provider.CliName;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code upstream-cli-contracts.v1} report (§10.7) shown by the {@code upstream_contracts} tool and
 * {@code gateway contracts --json}: every (or one) contract, and optionally what probing the installed CLIs found.
 */
public final class ContractReport {

    public static final String SCHEMA_VERSION = "upstream-cli-contracts.v1";

    private ContractReport() {
    }

    /**
     * @param only one CLI, or empty for all five
     * @param probe when present, run against each reported CLI and put under {@code installedProbe}
     */
    public static Map<String, Object> build(Optional<CliName> only, Optional<Function<CliContract, ProbeResult>> probe,
                                            Instant now) {
        List<CliName> clis = only.map(List::of).orElse(List.of(CliName.values()));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("schemaVersion", SCHEMA_VERSION);
        report.put("generatedAt", now.toString());
        Map<String, Object> contracts = new LinkedHashMap<>();
        for (CliName cli : clis) {
            contracts.put(cli.key(), describe(UpstreamContracts.of(cli)));
        }
        report.put("contracts", contracts);
        if (probe.isPresent()) {
            Map<String, Object> probed = new LinkedHashMap<>();
            for (CliName cli : clis) {
                probed.put(cli.key(), probe.get().apply(UpstreamContracts.of(cli)).toMap());
            }
            report.put("installedProbe", probed);
        } else {
            report.put("installedProbe", null);
        }
        return report;
    }

    static Map<String, Object> describe(CliContract c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("executable", c.cli().executable());
        m.put("upstream", c.upstream());
        m.put("command", c.command());
        m.put("helpArgs", c.helpArgs());
        m.put("mcpTools", c.mcpTools());
        m.put("mcpParameters", c.mcpParameters());
        Map<String, Object> flags = new LinkedHashMap<>();
        for (FlagSpec f : c.flags()) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("arity", f.arity().key());
            fm.put("values", f.values());
            fm.put("pattern", f.pattern() == null ? null : f.pattern().pattern());
            fm.put("description", f.description());
            if (f.contexts() != null) {
                fm.put("contexts", f.contexts().stream().sorted().toList());
            }
            if (f.hiddenInHelp()) {
                fm.put("hiddenInHelp", true);
            }
            flags.put(f.name(), fm);
        }
        m.put("flags", flags);
        Map<String, Object> env = new LinkedHashMap<>();
        c.env().forEach(e -> env.put(e.name(), Map.of("pattern", e.pattern().pattern(), "description", e.description())));
        m.put("env", env);
        m.put("maxPositionals", c.maxPositionals());
        Optional<Subcommand> resume = c.subcommand("resume");
        m.put("resumeMaxPositionals", resume.map(Subcommand::maxPositionals).orElse(null));
        m.put("resumeOnlyFlags", onlyIn(c, "resume"));
        m.put("resumeForbiddenFlags", resume.isPresent() ? forbiddenIn(c, "resume") : List.of());
        Optional<Subcommand> fork = c.subcommand("fork");
        m.put("forkMaxPositionals", fork.map(Subcommand::maxPositionals).orElse(null));
        m.put("forkForbiddenFlags", fork.isPresent() ? forbiddenIn(c, "fork") : List.of());
        m.put("subcommands", c.subcommands().stream().map(s -> {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("minPositionals", s.minPositionals());
            sm.put("maxPositionals", s.maxPositionals());
            sm.put("description", s.description());
            return sm;
        }).toList());
        m.put("conformanceFixtures", c.fixtures().stream().map(fx -> {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("id", fx.id());
            fm.put("description", fx.description());
            fm.put("expect", fx.expect());
            fm.put("args", fx.args());
            if (!fx.env().isEmpty()) {
                fm.put("env", new LinkedHashMap<>(fx.env()));
            }
            return fm;
        }).toList());
        return m;
    }

    private static List<String> onlyIn(CliContract c, String context) {
        return c.flags().stream().filter(f -> f.contexts() != null && f.contexts().equals(java.util.Set.of(context)))
                .map(FlagSpec::name).toList();
    }

    private static List<String> forbiddenIn(CliContract c, String context) {
        return c.flags().stream().filter(f -> !f.allowedIn(context)).map(FlagSpec::name).toList();
    }
}
