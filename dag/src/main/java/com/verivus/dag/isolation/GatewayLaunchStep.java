package com.verivus.dag.isolation;

import com.verivus.dag.model.Unit;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * U04 ("trigger-mcp-reconnect"). The MCP client owns the server's lifecycle, so the executor does what
 * the client will do after a reconnect, through the client's own launch path:
 * <ol>
 * <li>{@code --gateway-url}: check that running gateway answers (it verifies, it starts nothing);</li>
 * <li>{@code --gateway-command}: run that command in the repository over HTTP;</li>
 * <li>else the server Claude Code's configuration declares: exactly its command, args and environment,
 *     in the repository, over stdio, as Claude Code runs it;</li>
 * <li>else {@code jbang gateway@verivus} in the repository over HTTP, as any client started there would.</li>
 * </ol>
 * Nothing adds {@code LLM_GATEWAY_CONFIG}: the gateway must find the project's configuration itself.
 * Then it tells the operator, in one line, to reconnect.
 */
final class GatewayLaunchStep implements IsolationStep {

    static final String RECONNECT = "Reconnect your MCP client so it restarts the gateway inside this repository: "
            + "run /mcp in Claude Code (or restart your client).";

    @Override
    public String unitName() {
        return "trigger-mcp-reconnect";
    }

    @Override
    public List<Gate> gates() {
        return List.of(Gate.GATEWAY_REACHABLE);
    }

    @Override
    public boolean needsGateway() {
        return true;
    }

    @Override
    public StepResult run(Unit unit, RunContext context) throws IOException {
        StepResult.Builder out = new StepResult.Builder(unit.id(), context.log());
        IsolationSettings settings = context.settings();
        if (settings.gatewayUrl().isPresent()) {
            return verifyRunning(unit, context, out, new GatewayEndpoint(settings.gatewayUrl().get(),
                    settings.token().orElse(null)));
        }
        if (settings.gatewayCommand().isEmpty()) {
            ClaudeCodeLaunch.Resolution resolution = ClaudeCodeLaunch.resolve(context.instance(), settings.home(),
                    settings.clientEnvironment(), context.files());
            switch (resolution) {
                case ClaudeCodeLaunch.Found found when found.launch().stdio() -> {
                    return new ClientLaunchRun(unit, context, out).run(found.launch());
                }
                case ClaudeCodeLaunch.Found found -> {
                    return out.failed(Finding.of(Gate.GATEWAY_REACHABLE, unit.id(), found.launch().client() + " reaches `"
                                    + found.launch().serverName() + "` (" + found.launch().origin() + ") over "
                                    + found.launch().transport() + " at " + found.launch().url()
                                    + ", a gateway it does not start inside this repository",
                            "a stdio server the client starts in the repository (it then finds .gateway/config.toml)",
                            "start that HTTP gateway with LLM_GATEWAY_CONFIG=" + context.instance().configToml()
                                    + " and re-run with --gateway-url " + found.launch().url() + " --token <token>, "
                                    + "or configure the gateway as a stdio server"));
                }
                case ClaudeCodeLaunch.Unreadable unreadable -> {
                    return out.failed(Finding.of(Gate.GATEWAY_REACHABLE, unit.id(), unreadable.file()
                                    + " is not valid JSON: " + unreadable.reason(), "Claude Code's configuration readable",
                            "fix " + unreadable.file() + ", then re-run"));
                }
                case ClaudeCodeLaunch.NotConfigured notConfigured -> out.line("Claude Code declares none of "
                        + context.instance().serverNames() + " (looked in " + String.join(", ", notConfigured.looked())
                        + "); starting the gateway in the repository as any MCP client would");
            }
        }
        return startOverHttp(unit, context, out);
    }

    private static StepResult startOverHttp(Unit unit, RunContext context, StepResult.Builder out) {
        IsolationSettings settings = context.settings();
        Optional<GatewayCommandLine> command = GatewayCommandLine.resolve(settings);
        if (command.isEmpty()) {
            return out.failed(Finding.of(Gate.GATEWAY_REACHABLE, unit.id(),
                    "no way to start the gateway: no jbang on PATH, no " + settings.home().resolve(".jbang/bin/jbang")
                            + settings.jbangLauncher().map(l -> ", no executable " + l).orElse(""),
                    "`jbang gateway@verivus --transport=http` can be started",
                    "run ./jbang once from the llm-cli-gateway clone (it installs ~/.jbang/bin/jbang), add the gateway "
                            + "to your client (`claude mcp add llm-cli-gateway -- <clone>/jbang gateway@verivus`), or pass "
                            + "--gateway-command '<command>' or --gateway-url <url> --token <token>"));
        }
        out.line("starting " + abbreviated(command.get().description()) + " in " + context.instance().repo()
                + " with the caller's environment (no LLM_GATEWAY_CONFIG added), LLM_GATEWAY_HTTP_PORT=0 and a fresh "
                + "LLM_GATEWAY_AUTH_TOKEN");
        Duration timeout = settings.startTimeout();
        GatewayLauncher.Outcome outcome = GatewayLauncher.start(command.get(), settings.clientEnvironment(),
                context.instance().repo(), timeout, context.log(), unit.id());
        if (outcome instanceof GatewayLauncher.Failed failed) {
            failed.outputTail().forEach(out::quiet);
            return out.failed(Finding.of(Gate.GATEWAY_REACHABLE, unit.id(), failed.observed(),
                    "a `listening on http://...` line on the gateway's stderr within " + timeout.toSeconds() + " s",
                    "run `" + command.get().description() + "` in " + context.instance().repo()
                            + " to see why (the report has its last lines); a first JBang build can be slow: raise "
                            + "--start-timeout"));
        }
        GatewayLauncher.Started started = (GatewayLauncher.Started) outcome;
        context.connected(started.gateway(), new HealthSource.Http(started.endpoint()));
        out.line("gateway pid " + started.gateway().pid() + " is listening on " + started.endpoint().url());
        started.gateway().tail(UnitRecord.TAIL_LINES).forEach(out::quiet);
        out.line(RECONNECT);
        return out.completed();
    }

    /** A class path can make a command thousands of characters long; the progress line shows its ends. */
    static String abbreviated(String command) {
        return command.length() <= 200 ? command : command.substring(0, 120) + " ... " + command.substring(command.length() - 75);
    }

    private static StepResult verifyRunning(Unit unit, RunContext context, StepResult.Builder out, GatewayEndpoint endpoint) {
        out.line("verifying the already-running gateway at " + endpoint.url());
        String remediation = "reconnect your MCP client (/mcp in Claude Code) so it restarts the gateway, check the "
                + "URL and --token, or drop --gateway-url to let isolate start a gateway itself";
        try {
            ProcessHealthClient.Response response = ProcessHealthClient.fetch(endpoint, Duration.ofSeconds(10));
            if (response.status() != 200) {
                return out.failed(Finding.of(Gate.GATEWAY_REACHABLE, unit.id(),
                        "GET " + endpoint.processHealth() + " answered HTTP " + response.status()
                                + (response.status() == 401 ? " (the token was refused)" : ""),
                        "HTTP 200 from " + endpoint.processHealth(), remediation));
            }
        } catch (IOException e) {
            return out.failed(Finding.of(Gate.GATEWAY_REACHABLE, unit.id(),
                    "GET " + endpoint.processHealth() + " failed: " + e.getMessage(),
                    "HTTP 200 from " + endpoint.processHealth(), remediation));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out.failed(Finding.of(Gate.GATEWAY_REACHABLE, unit.id(), "interrupted", "an answer", remediation));
        }
        context.connected(null, new HealthSource.Http(endpoint));
        out.line("the gateway at " + endpoint.url() + " answers /process-health");
        return out.completed();
    }
}
