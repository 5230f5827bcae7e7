package com.verivus.gateway.cli;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.doctor.Doctor;
import com.verivus.gateway.doctor.DoctorReport;
import com.verivus.gateway.doctor.ProviderStatusProbe;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.log.LibraryLogging;
import com.verivus.gateway.process.BoundedCommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code doctor} / {@code gateway doctor}: checks the machine for the gateway. {@code --json} prints
 * the report (exit 0 unless {@code --strict} and not ok, as the Node gateway's {@code doctor --json});
 * without it, one line per check and the next actions (exit 1 when something blocks). Read-only.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = GatewayCommand.Version.class,
        description = {"Checks this machine for llm-cli-gateway: the five CLIs (installed, version, logged in), "
                + "transport and auth, persistence settings, endpoint exposure and client configuration.",
                "Read-only: it runs each CLI's --version and login-status command (5 s bound each) and reads files, "
                        + "but creates and changes nothing."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing blocks (with --json: always, unless --strict)", "1:something blocks (✗ lines)"})
public final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the report as JSON (schema: llm-cli-gateway/doctor-report.schema.json).")
    boolean json;

    @Option(names = "--strict", description = "With --json: exit 1 when the report is not ok.")
    boolean strict;

    @Spec
    CommandSpec spec;

    private final EnvironmentSource environment;

    public DoctorCommand() {
        this(EnvironmentSource.SYSTEM);
    }

    DoctorCommand(EnvironmentSource environment) {
        this.environment = environment;
    }

    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Entry for doctor.java. */
    public static int run(String... args) {
        LibraryLogging.routeToGatewayLog();
        return Writers.utf8(new CommandLine(new DoctorCommand())).execute(args);
    }

    @Override
    public Integer call() {
        GatewayEnvironment env = environment.get();
        PrintWriter err = spec.commandLine().getErr();
        err.println("doctor: checking claude, codex, gemini, grok and vibe (--version and login status, at most "
                + BoundedCommand.describe(ProviderStatusProbe.DEFAULT_TIMEOUT) + " each, in parallel)...");
        err.flush();
        DoctorReport report = new Doctor(env).run();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(NodeJson.pretty(report.json()));
            out.flush();
            return strict && !report.ok() ? 1 : 0;
        }
        out.print(report.plainText());
        out.flush();
        return report.ok() ? 0 : 1;
    }
}
