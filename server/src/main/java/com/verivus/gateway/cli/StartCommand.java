package com.verivus.gateway.cli;

import com.verivus.gateway.clientconfig.StdioLaunch;
import com.verivus.gateway.lifecycle.GatewayLifecycle;
import com.verivus.gateway.lifecycle.LaunchCommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gateway start}: the HTTP gateway in the background, ready once /healthz answers. */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Starts the HTTP gateway in the background (detached) and waits until /healthz answers.",
                "Uses LLM_GATEWAY_AUTH_TOKEN, else ~/.llm-cli-gateway/auth-token (created, 0600, when missing); "
                        + "writes ~/.llm-cli-gateway/gateway.pid and appends output to gateway.log / gateway.err.log.",
                "Binds LLM_GATEWAY_HTTP_HOST:LLM_GATEWAY_HTTP_PORT (127.0.0.1:3333) at LLM_GATEWAY_HTTP_PATH (/mcp). "
                        + GatewayLifecycle.START_TIMEOUT_ENV + " bounds the wait (ms, default 30000); "
                        + LaunchCommand.OVERRIDE_ENV + " replaces the command run (JSON array).",
                "Already running: says so and exits 0."})
public final class StartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final EnvironmentSource environment;

    public StartCommand() {
        this(EnvironmentSource.SYSTEM);
    }

    StartCommand(EnvironmentSource environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GatewayLifecycle lifecycle;
        try {
            lifecycle = new GatewayLifecycle(environment.get());
        } catch (IllegalArgumentException e) {
            err.println("gateway start: " + e.getMessage());
            return 2;
        }
        err.println("gateway start: launching the HTTP gateway and waiting for /healthz...");
        err.flush();
        GatewayLifecycle.Result r = lifecycle.start(GatewayCommand.class.getName());
        if (r.exitCode() == 0) {
            out.println(r.message());
            out.println("  logs: " + lifecycle.files().log() + ", " + lifecycle.files().errLog());
            // the commands as this user can type them: the clone's bootstrap by absolute path (jbang may not be
            // on PATH), the way print-client-config spells the server command
            String gateway = StdioLaunch.jbang(environment.get()) + " " + StdioLaunch.ALIAS;
            out.println("  stop: " + gateway + " stop");
            out.println("  client settings: " + gateway + " print-client-config --transport http");
            ConsoleLoginLine.print(out, environment.get(), r.status().url());
            out.flush();
            return 0;
        }
        err.println(r.message());
        if (!r.errLogTail().isEmpty()) {
            err.println("--- last lines of " + lifecycle.files().errLog() + " ---");
            r.errLogTail().forEach(err::println);
            err.println("---");
        }
        err.flush();
        return r.exitCode();
    }
}
