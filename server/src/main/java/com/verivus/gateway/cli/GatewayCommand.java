package com.verivus.gateway.cli;

import com.verivus.gateway.GatewayRuntime;
import com.verivus.gateway.config.GatewayVersion;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.console.CatalogToolText;
import com.verivus.gateway.console.ConsoleSources;
import com.verivus.gateway.console.EngineJobSource;
import com.verivus.gateway.console.RecorderRequestSource;
import com.verivus.gateway.console.StoreSessionSource;
import com.verivus.gateway.http.HttpGatewayRunner;
import com.verivus.gateway.log.GatewayLog;
import com.verivus.gateway.log.LibraryLogging;
import com.verivus.gateway.mcp.stdio.StdioGateway;
import com.verivus.gateway.lifecycle.TerminationSignals;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gateway}: the MCP server (stdio by default, {@code --transport=http} for Streamable HTTP). */
@Command(name = "gateway", mixinStandardHelpOptions = true, versionProvider = GatewayCommand.Version.class,
        description = "llm-cli-gateway: one MCP endpoint for the claude, codex, gemini, grok and vibe CLIs.",
        subcommands = {DoctorCommand.class, ContractsCommand.class, StartCommand.class, StopCommand.class, StatusCommand.class,
                PrintClientConfigCommand.class, MigrateSessionsCommand.class})
public final class GatewayCommand implements Callable<Integer> {

    @Option(names = "--transport", paramLabel = "stdio|http",
            description = "Transport (default: $LLM_GATEWAY_TRANSPORT, $MCP_TRANSPORT, else stdio).")
    String transport;

    public static int run(String... args) {
        LibraryLogging.routeToGatewayLog();
        AotCacheCheck.warnIfUnused();
        if (args.length == 0) {
            // What every MCP client runs: nothing to parse, so skip building picocli's model of all the
            // subcommands (a sizeable share of a stdio start before the first answer).
            return serveWithoutArguments(null);
        }
        Optional<String> transportOnly = transportOnly(args);
        if (transportOnly.isPresent()) {
            return serveWithoutArguments(transportOnly.get()); // the same for `--transport=http`
        }
        return Writers.utf8(new CommandLine(new GatewayCommand())).execute(args);
    }

    /**
     * The transport when the arguments are exactly {@code --transport=X} or {@code --transport X} (X not an
     * option), as picocli would read them; otherwise empty.
     */
    static Optional<String> transportOnly(String... args) {
        if (args.length == 1 && args[0].startsWith("--transport=")) {
            return Optional.of(args[0].substring("--transport=".length()));
        }
        if (args.length == 2 && args[0].equals("--transport") && !args[1].startsWith("-")) {
            return Optional.of(args[1]);
        }
        return Optional.empty();
    }

    /** {@link #call()} as picocli would run it with only a transport: an exception is printed and exits 1. */
    private static int serveWithoutArguments(String transport) {
        try {
            GatewayCommand command = new GatewayCommand();
            command.transport = transport;
            return command.call();
        } catch (Exception e) {
            e.printStackTrace(System.err);
            return 1;
        }
    }

    public static void main(String... args) {
        System.exit(run(args));
    }

    @Override
    public Integer call() throws Exception {
        ColdStartPrimer.startInBackground();
        GatewayEnvironment env = GatewayEnvironment.fromSystem();
        String chosen = transport != null ? transport
                : env.nonBlank("LLM_GATEWAY_TRANSPORT").or(() -> env.nonBlank("MCP_TRANSPORT")).orElse("stdio");
        // stdio: stdin is read (and the first message checked) while the runtime starts
        StdioGateway stdio = chosen.equals("stdio") ? StdioGateway.openProcessStdio() : null;
        // stdio: the signal handlers are installed while the runtime starts (their proxy class is generated
        // at run time, ~20 ms), and are in place before the first answer
        CompletableFuture<CountDownLatch> signals = chosen.equals("stdio")
                ? CompletableFuture.supplyAsync(TerminationSignals::install, Thread::startVirtualThread)
                : null;
        try (GatewayRuntime runtime = GatewayRuntime.start(env)) {
            switch (chosen) {
                case "stdio" -> {
                    stopOnSignal(runtime, signals.join());
                    if (AotTrainingHttpRound.requested(env)) {
                        AotTrainingHttpRound.run(runtime.environment(), runtime.catalog(), runtime.instructions(),
                                runtime.processHealth()::json, Optional.of(consoleSources(runtime)));
                    }
                    stdio.serve(runtime.catalog(), runtime.instructions());
                }
                case "http" -> HttpGatewayRunner.serve(runtime.environment(), runtime.catalog(), runtime.instructions(),
                        runtime.processHealth()::json, Optional.of(consoleSources(runtime)));
                default -> throw new IllegalArgumentException("Unsupported transport: " + chosen);
            }
        } catch (RuntimeException e) {
            GatewayLog.error("Fatal server error: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** What the web console shows, wired from the runtime's subsystems. */
    private static ConsoleSources consoleSources(GatewayRuntime runtime) {
        return new ConsoleSources(new EngineJobSource(runtime.engine(), runtime.recorder()),
                new RecorderRequestSource(runtime.recorder()), new StoreSessionSource(runtime.sessions()),
                runtime.processHealth()::json, new CatalogToolText(runtime.catalog(), "cli_versions"));
    }

    /**
     * SIGTERM/SIGINT in stdio mode: stop running CLIs (their whole process trees), persist their final
     * state, close the stores, exit 0. The stdin-EOF path closes the runtime through try-with-resources.
     */
    private static void stopOnSignal(GatewayRuntime runtime, CountDownLatch signalled) {
        if (signalled == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "gateway-shutdown"));
            return;
        }
        Thread.ofVirtual().name("gateway-signal-wait").start(() -> {
            try {
                signalled.await();
            } catch (InterruptedException e) {
                return;
            }
            GatewayLog.info("termination signal: stopping");
            runtime.close();
            System.exit(0);
        });
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {GatewayVersion.NAME + " " + GatewayVersion.version()};
        }
    }
}
