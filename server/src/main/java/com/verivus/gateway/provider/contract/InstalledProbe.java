package com.verivus.gateway.provider.contract;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.process.BoundedCommand;
import com.verivus.gateway.process.BoundedCommand.Outcome;
import com.verivus.gateway.process.ExecutableSearch;
import com.verivus.gateway.provider.CliVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the installed CLI's {@code --version} and help commands (each bounded, 5 s by default, output
 * capped at 1 MiB) and reports the contract flags its help does not mention. Read-only: it never writes
 * anything and spawns nothing when the executable is not on PATH.
 */
public final class InstalledProbe {

    static final int MAX_OUTPUT_BYTES = 1 << 20;
    private static final Map<String, String> NO_COLOR = Map.of("NO_COLOR", "1");

    private final GatewayEnvironment env;
    private final Duration timeout;

    public InstalledProbe(GatewayEnvironment env, Duration timeout) {
        this.env = env;
        this.timeout = timeout;
    }

    public InstalledProbe(GatewayEnvironment env) {
        this(env, Duration.ofSeconds(5));
    }

    public ProbeResult probe(CliContract contract) {
        String exe = contract.cli().executable();
        List<String> warnings = new ArrayList<>();
        Optional<Path> located = ExecutableSearch.find(env, exe);
        if (located.isEmpty()) {
            warnings.add("'" + exe + "' was not found on PATH");
            return new ProbeResult(contract.cli(), exe, false, null, List.of(), List.of(), warnings);
        }
        String version = null;
        Run v;
        try {
            CliVersion answer = CliVersion.probe(located.get(), env, NO_COLOR, timeout, MAX_OUTPUT_BYTES);
            v = Run.of(answer.outcome());
            version = answer.outcome().interrupted() ? null : answer.version();
        } catch (IOException e) {
            v = Run.NOT_STARTED;
        }
        if (v.timedOut) {
            warnings.add(exe + " --version timed out after " + timeout.toMillis() + "ms");
        } else if (v.exitCode != 0) {
            warnings.add(exe + " --version exited with code " + v.exitCode);
        }

        List<String> checked = new ArrayList<>();
        StringBuilder help = new StringBuilder();
        for (List<String> args : contract.helpArgs()) {
            String label = exe + " " + String.join(" ", args);
            checked.add(label);
            Run h = run(located.get(), args, BoundedCommand.Streams.MERGED);
            if (h.timedOut) {
                warnings.add(label + " timed out after " + timeout.toMillis() + "ms");
            } else if (h.exitCode != 0) {
                warnings.add(label + " exited with code " + h.exitCode);
            }
            help.append(h.output).append('\n');
        }
        List<String> missing = new ArrayList<>();
        for (FlagSpec flag : contract.flags()) {
            if (flag.hiddenInHelp()) {
                if (!HelpText.mentions(help.toString(), flag.name())) {
                    warnings.add(flag.name() + " is hidden from " + exe + "'s help; not checked");
                }
                continue;
            }
            if (!HelpText.mentions(help.toString(), flag.name())) {
                missing.add(flag.name());
            }
        }
        return new ProbeResult(contract.cli(), exe, true, version, checked, missing, warnings);
    }

    private record Run(String output, int exitCode, boolean timedOut) {

        static final Run NOT_STARTED = new Run("", -1, false);

        static Run of(Outcome o) {
            if (o.interrupted()) {
                return new Run("", -1, true);
            }
            return new Run(o.stdout(), o.timedOut() ? -1 : o.exitCode(), o.timedOut());
        }
    }

    private Run run(Path exe, List<String> args, BoundedCommand.Streams streams) {
        try {
            return Run.of(BoundedCommand.runFound(exe, args, env, NO_COLOR, timeout, MAX_OUTPUT_BYTES, streams));
        } catch (IOException e) {
            return Run.NOT_STARTED;
        }
    }
}
