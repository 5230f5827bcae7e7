package com.verivus.gateway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gateway doctor [--json]}: kept for drop-in use as {@code llm-cli-gateway doctor --json}. It will
 * run the same code as the {@code doctor.java} entry; until the doctor issue lands it says so and exits 2.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check this machine for llm-cli-gateway: CLIs, logins, persistence, transport, auth.")
public final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the report as JSON on stdout.")
    boolean json;

    @Override
    public Integer call() {
        System.err.println("doctor: not yet implemented");
        return 2;
    }
}
