package com.verivus.gateway.cli;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.contract.CliContract;
import com.verivus.gateway.provider.contract.ContractReport;
import com.verivus.gateway.provider.contract.InstalledProbe;
import com.verivus.gateway.provider.contract.ProbeResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gateway contracts --json [--cli=<p>] [--probe-installed]}: prints the upstream contract report.
 * Reads nothing but PATH (for the probe) and writes nothing: no job store, no data directory.
 */
@Command(name = "contracts", description = "Print the upstream CLI contract report as JSON.")
public final class ContractsCommand implements Callable<Integer> {

    static final String USAGE = "Usage: gateway contracts --json [--cli=<claude|codex|gemini|grok|mistral>] "
            + "[--probe-installed]";

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the report as JSON (required).")
    boolean json;

    @Option(names = "--cli", paramLabel = "<cli>", description = "Only this provider: claude, codex, gemini, grok, mistral.")
    String cli;

    @Option(names = "--probe-installed", description = "Also probe the installed CLIs (--version and --help, 5 s each).")
    boolean probeInstalled;

    private final GatewayEnvironment env;

    public ContractsCommand() {
        this(GatewayEnvironment.fromSystem());
    }

    ContractsCommand(GatewayEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            err.println(USAGE);
            err.flush();
            return 2;
        }
        Optional<CliName> only = Optional.empty();
        if (cli != null) {
            only = CliName.fromKey(cli);
            if (only.isEmpty()) {
                err.println("Unsupported --cli value: " + cli);
                err.flush();
                return 2;
            }
        }
        Optional<Function<CliContract, ProbeResult>> probe = probeInstalled
                ? Optional.of(new InstalledProbe(env)::probe) : Optional.empty();
        out.println(NodeJson.pretty(ContractReport.build(only, probe, Instant.now())));
        out.flush();
        return 0;
    }

    /** Runs the command on its own (tests, and the dispatcher of GatewayCommand). */
    static int run(GatewayEnvironment env, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new ContractsCommand(env));
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }
}
