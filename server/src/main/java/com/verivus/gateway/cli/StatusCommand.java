package com.verivus.gateway.cli;

import com.verivus.gateway.lifecycle.GatewayLifecycle;
import com.verivus.gateway.lifecycle.LifecycleStatus;
import com.verivus.gateway.json.NodeJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gateway status}: running or not, pid, URL, health. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Says whether the background gateway runs, its pid, URL and /healthz answer. Exits 0 either way.")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final EnvironmentSource environment;

    public StatusCommand() {
        this(EnvironmentSource.SYSTEM);
    }

    StatusCommand(EnvironmentSource environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        LifecycleStatus s;
        try {
            s = new GatewayLifecycle(environment.get()).status();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("gateway status: " + e.getMessage());
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(NodeJson.pretty(s.toJson()));
        } else if (s.running()) {
            out.println("llm-cli-gateway is running" + (s.pid() == null ? "" : " (pid " + s.pid() + ")") + " at "
                    + s.url() + "; /healthz: " + s.health());
            ConsoleLoginLine.print(out, environment.get(), s.url());
        } else {
            out.println("llm-cli-gateway is not running (would serve " + s.url() + ")");
        }
        if (!json && s.note() != null) {
            out.println("  note: " + s.note());
        }
        out.flush();
        return 0;
    }
}
