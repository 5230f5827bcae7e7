package com.verivus.gateway.cli;

import com.verivus.gateway.lifecycle.GatewayLifecycle;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gateway stop}: TERM, then KILL after a grace period; removes gateway.pid. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stops the background gateway started by gateway start: TERM, then KILL after "
                + GatewayLifecycle.STOP_GRACE_ENV + " ms (default 5000); removes gateway.pid.",
                "Not running: says so and exits 0."})
public final class StopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final EnvironmentSource environment;

    public StopCommand() {
        this(EnvironmentSource.SYSTEM);
    }

    StopCommand(EnvironmentSource environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        GatewayLifecycle lifecycle;
        try {
            lifecycle = new GatewayLifecycle(environment.get());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("gateway stop: " + e.getMessage());
            return 2;
        }
        GatewayLifecycle.Result r = lifecycle.stop();
        PrintWriter w = r.exitCode() == 0 ? spec.commandLine().getOut() : spec.commandLine().getErr();
        w.println(r.message());
        w.flush();
        return r.exitCode();
    }
}
