package com.verivus.dag.isolation;

import com.verivus.dag.model.Unit;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * U04 through the MCP client's own launch: starts exactly the command, arguments, environment and
 * working directory the client's configuration yields, over stdio, and completes the MCP handshake.
 * The session stays open for U05, which asks the gateway for its process health on it.
 */
final class ClientLaunchRun {

    private final Unit unit;
    private final RunContext context;
    private final StepResult.Builder out;

    ClientLaunchRun(Unit unit, RunContext context, StepResult.Builder out) {
        this.unit = unit;
        this.context = context;
        this.out = out;
    }

    StepResult run(ClientLaunch launch) {
        out.line(launch.client() + " declares `" + launch.serverName() + "` in " + launch.origin() + "; it will run "
                + GatewayLaunchStep.abbreviated(String.join(" ", launch.argv())) + " in " + launch.cwd()
                + " over stdio, adding " + describe(launch.addedEnv()) + " to its own environment");
        if (launch.env().containsKey("LLM_GATEWAY_CONFIG")) {
            out.line("note: that environment sets LLM_GATEWAY_CONFIG=" + launch.env().get("LLM_GATEWAY_CONFIG")
                    + ", which wins over the project's config");
        }
        Duration timeout = context.settings().startTimeout();
        StdioMcpSession session;
        try {
            session = StdioMcpSession.start(launch);
        } catch (IOException e) {
            return out.failed(finding("could not start `" + launch.argv().getFirst() + "`: " + e.getMessage(), launch));
        }
        context.connected(session.gateway(), new HealthSource.Stdio(session));
        try {
            var result = session.initialize(timeout);
            out.line("gateway pid " + session.gateway().pid() + " answered initialize: "
                    + result.path("serverInfo").path("name").asText("?") + " "
                    + result.path("serverInfo").path("version").asText("") + ", protocol "
                    + result.path("protocolVersion").asText("?"));
        } catch (IOException e) {
            session.gateway().tail(20).forEach(out::quiet);
            return out.failed(finding(e.getMessage(), launch));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out.failed(finding("interrupted", launch));
        }
        out.line(GatewayLaunchStep.RECONNECT);
        return out.completed();
    }

    private Finding finding(String observed, ClientLaunch launch) {
        return Finding.of(Gate.GATEWAY_REACHABLE, unit.id(), observed,
                "an MCP initialize answer within " + context.settings().startTimeout().toSeconds() + " s from the server "
                        + launch.client() + " starts",
                "run `" + String.join(" ", launch.argv()) + "` in " + launch.cwd() + " to see why (the report has its "
                        + "last lines); fix `" + launch.serverName() + "` in " + launch.origin()
                        + "; a first JBang build can be slow: raise --start-timeout");
    }

    /** Names only: values can be secrets (API keys in a server's env). */
    private static String describe(Map<String, String> added) {
        return added.isEmpty() ? "nothing" : "the variables " + List.copyOf(new TreeSet<>(added.keySet()));
    }
}
