package com.verivus.dag.cli;

import com.verivus.dag.isolation.IsolationSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code isolate}: DAG-TOML tooling and the per-project isolation executor. With no subcommand but a
 * {@code --repo}, it runs the isolation DAG ({@code jbang isolate@verivus --repo .}).
 */
@Command(name = "isolate", mixinStandardHelpOptions = true, version = "isolate (llm-cli-gateway) 0.1.0",
        subcommands = {ValidateCommand.class, PlanCommand.class, RunCommand.class, CommandLine.HelpCommand.class},
        description = {"Validates implementation-dag TOML files and runs the per-project isolation DAG.",
                "With only --repo <path>, runs the isolation DAG against that repository."})
public final class IsolateCommand implements Callable<Integer> {

    private static final Set<String> SUBCOMMANDS = Set.of("validate", "plan", "run", "help");

    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final List<Path> systemInitFiles;

    @Spec
    CommandSpec spec;

    /**
     * @param environment the environment the commands see (the run command checks it for legacy
     *                    variables and hands it to the gateway); tests pass their own
     * @param workingDirectory where relative paths on the command line are resolved from
     * @param systemInitFiles system-wide shell init files searched for legacy variables (tests pass none)
     */
    public IsolateCommand(Map<String, String> environment, Path workingDirectory, List<Path> systemInitFiles) {
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory.toAbsolutePath();
        this.systemInitFiles = List.copyOf(systemInitFiles);
    }

    public List<Path> systemInitFiles() {
        return systemInitFiles;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** Runs with the process's own environment and streams; returns the exit code. */
    public static int run(String... args) {
        return commandLine(new IsolateCommand(System.getenv(), Path.of(""), IsolationSettings.systemInitFiles()),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(withDefaultSubcommand(args));
    }

    public static void main(String... args) {
        System.exit(run(args));
    }

    public static CommandLine commandLine(IsolateCommand command, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** {@code isolate --repo .} means {@code isolate run --repo .}. */
    public static String[] withDefaultSubcommand(String... args) {
        if (args.length > 0 && !SUBCOMMANDS.contains(args[0])
                && List.of(args).stream().anyMatch(a -> a.equals("--repo") || a.startsWith("--repo="))) {
            String[] withRun = new String[args.length + 1];
            withRun[0] = "run";
            System.arraycopy(args, 0, withRun, 1, args.length);
            return withRun;
        }
        return args;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.UNUSABLE_INPUT;
    }
}
