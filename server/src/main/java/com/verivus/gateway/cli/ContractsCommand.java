package com.verivus.gateway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gateway contracts --json [--cli=<p>] [--probe-installed]}: kept for drop-in use as
 * {@code llm-cli-gateway contracts --json}. Until the upstream-contracts issue lands it says so and exits 2.
 */
@Command(name = "contracts", mixinStandardHelpOptions = true,
        description = "Report the upstream CLI flag contracts the gateway relies on.")
public final class ContractsCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the report as JSON on stdout.")
    boolean json;

    @Option(names = "--cli", paramLabel = "claude|codex|gemini|grok|mistral",
            description = "Only this CLI's contract.")
    String cli;

    @Option(names = "--probe-installed", description = "Also probe the installed CLI's --help output.")
    boolean probeInstalled;

    @Override
    public Integer call() {
        System.err.println("contracts: not yet implemented");
        return 2;
    }
}
