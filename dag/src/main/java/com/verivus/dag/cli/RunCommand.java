package com.verivus.dag.cli;

import com.verivus.dag.isolation.IsolationExecutor;
import com.verivus.dag.isolation.IsolationSettings;
import com.verivus.dag.isolation.ProgressLog;
import com.verivus.dag.isolation.RunReport;
import com.verivus.dag.isolation.RunReportJson;
import com.verivus.dag.isolation.RunSummary;
import com.verivus.dag.model.DagReadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code isolate run --repo <path>}: executes the per-project isolation DAG for a repository and
 * proves it worked, leaving a JSON evidence report and a readable summary on stderr.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Execute the per-project isolation DAG for a repository: .gateway/ and .gitignore (U01), "
                + ".gateway/config.toml (U02), the user's approval of the project in ~/.llm-cli-gateway/approved-projects "
                + "(U03), start the gateway as the MCP client will (U04: Claude Code's configured server, over stdio) "
                + "and confirm through its process health that it uses this repository's files (U05).",
                "Exit 0 when every gate passed, 1 when one failed (see the findings), 2 on unusable input."})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    IsolateCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "<path>", description = "The repository to isolate.")
    Path repo;

    @Option(names = "--dag", paramLabel = "<file>",
            description = "The DAG to execute (default: the shipped per-project-isolation.dag.toml).")
    Path dag;

    @ArgGroup(exclusive = true)
    ModeOption mode;

    @Option(names = "--dry-run", description = "Show what would change; write nothing, start no gateway.")
    boolean dryRun;

    @Option(names = "--report", paramLabel = "<file>", description = "Write the JSON evidence report to this file.")
    Path report;

    @Option(names = "--json", description = "Also print the JSON evidence report on stdout.")
    boolean json;

    @Option(names = "--gateway-command", paramLabel = "<cmd>",
            description = "Shell command that starts the gateway (default: $LLM_GATEWAY_COMMAND, else "
                    + "`jbang gateway@verivus --transport=http`).")
    String gatewayCommand;

    @Option(names = "--gateway-url", paramLabel = "<url>",
            description = "Verify this already-running gateway instead of starting one.")
    URI gatewayUrl;

    @Option(names = "--token", paramLabel = "<token>",
            description = "Bearer token for --gateway-url (default: $LLM_GATEWAY_AUTH_TOKEN).")
    String token;

    @Option(names = "--mcp-server-name", paramLabel = "<name>",
            description = "The name the MCP client gives the gateway (default: look for llm-cli-gateway, then llm-gateway; policy.instance.mcp_server_name comes first when set).")
    String serverName;

    @Option(names = "--start-timeout", paramLabel = "<seconds>", defaultValue = "60",
            description = "How long to wait for the started gateway to listen (default: ${DEFAULT-VALUE}).")
    long startTimeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (startTimeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--start-timeout must be positive");
        }
        if (token != null && gatewayUrl == null) {
            throw new ParameterException(spec.commandLine(), "--token is only used with --gateway-url");
        }
        Map<String, String> env = parent.environment();
        Path cwd = parent.workingDirectory();
        IsolationSettings settings = new IsolationSettings(cwd.resolve(repo).normalize(),
                Optional.ofNullable(dag).map(d -> cwd.resolve(d).normalize()), ModeOption.of(mode), dryRun,
                Optional.ofNullable(report).map(r -> cwd.resolve(r).normalize()),
                Optional.ofNullable(gatewayCommand).or(() -> nonBlank(env.get("LLM_GATEWAY_COMMAND"))),
                Optional.ofNullable(gatewayUrl),
                Optional.ofNullable(token).or(() -> nonBlank(env.get("LLM_GATEWAY_AUTH_TOKEN"))),
                Optional.ofNullable(serverName), Duration.ofSeconds(startTimeoutSeconds), env,
                Path.of(nonBlank(env.get("HOME")).orElse(System.getProperty("user.home"))),
                jbangLauncher(env, cwd), parent.systemInitFiles());
        RunReport result;
        try {
            result = new IsolationExecutor(settings, new ProgressLog(err)).run();
        } catch (DagReadException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.UNUSABLE_INPUT;
        }
        RunSummary.print(result, err);
        if (settings.report().isPresent()) {
            try {
                RunReportJson.write(result, settings.report().get());
                err.println("  report: " + settings.report().get());
            } catch (IOException e) {
                err.println("error: cannot write the report to " + settings.report().get() + ": " + e.getMessage());
                return ExitCode.UNUSABLE_INPUT;
            }
        }
        if (json) {
            out.println(RunReportJson.of(result).toPrettyString());
        }
        err.flush();
        return result.exitCode();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /**
     * The JBang launcher that started this isolate: JBang's launch script exports itself as
     * JBANG_LAUNCH_CMD (for this repository's bootstrap, {@code ./jbang} relative to the directory it ran in).
     */
    private static Optional<Path> jbangLauncher(Map<String, String> env, Path cwd) {
        return nonBlank(env.get("JBANG_LAUNCH_CMD")).map(cmd -> cwd.resolve(cmd).normalize())
                .filter(java.nio.file.Files::isRegularFile);
    }
}
