package com.verivus.dag.isolation;

import com.verivus.dag.model.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * U04 ("trigger-mcp-reconnect"). The MCP client owns the server's lifecycle, so the executor does what
 * the client will do after a reconnect: start this project's gateway with the env from the settings
 * file just written, cwd = repo, an ephemeral port and a new token; then it tells the operator, in one
 * line, to reconnect. With {@code --gateway-url} it checks that server answers instead.
 */
final class GatewayLaunchStep implements IsolationStep {

    static final String RECONNECT = "Reconnect your MCP client so it restarts the gateway with the new "
            + "LLM_GATEWAY_CONFIG: run /mcp in Claude Code (or restart your client).";

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
        Path settingsFile = context.instance().localSettings();
        String configPath = JsonText.MAPPER.readTree(context.files().read(settingsFile).orElse("{}"))
                .path("mcpServers").path(context.instance().serverName()).path("env")
                .path(LocalSettingsMerge.VARIABLE).asText(null);
        if (configPath == null) {
            throw new IOException(settingsFile + " lost " + LocalSettingsMerge.VARIABLE + " after U03 wrote it");
        }
        out.artefact(settingsFile);
        Optional<GatewayCommandLine> command = GatewayCommandLine.resolve(settings);
        if (command.isEmpty()) {
            return out.failed(Finding.of(Gate.GATEWAY_REACHABLE, unit.id(),
                    "no way to start the gateway: no jbang on PATH, no " + settings.home().resolve(".jbang/bin/jbang")
                            + settings.jbangLauncher().map(l -> ", no executable " + l).orElse(""),
                    "`jbang gateway@verivus --transport=http` can be started",
                    "run ./jbang once from the llm-cli-gateway clone (it installs ~/.jbang/bin/jbang), or pass "
                            + "--gateway-command '<command>' or --gateway-url <url> --token <token>"));
        }
        out.line("starting the gateway as the MCP client will: " + abbreviated(command.get().description()) + " (cwd "
                + context.instance().repo() + ", LLM_GATEWAY_CONFIG=" + configPath
                + ", LLM_GATEWAY_HTTP_PORT=0, a fresh LLM_GATEWAY_AUTH_TOKEN)");
        Duration timeout = settings.startTimeout();
        GatewayLauncher.Outcome outcome = GatewayLauncher.start(command.get(), settings.environment(),
                context.instance().repo(), configPath, timeout, context.log(), unit.id());
        if (outcome instanceof GatewayLauncher.Failed failed) {
            failed.outputTail().forEach(out::quiet);
            return out.failed(Finding.of(Gate.GATEWAY_REACHABLE, unit.id(), failed.observed(),
                    "a `listening on http://...` line on the gateway's stderr within " + timeout.toSeconds() + " s",
                    "run `" + command.get().description() + "` in " + context.instance().repo()
                            + " with LLM_GATEWAY_CONFIG=" + configPath + " to see why (the report has its last lines); "
                            + "a first JBang build can be slow: raise --start-timeout"));
        }
        GatewayLauncher.Started started = (GatewayLauncher.Started) outcome;
        context.connected(started.gateway(), started.endpoint());
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
        context.connected(null, endpoint);
        out.line("the gateway at " + endpoint.url() + " answers /process-health");
        return out.completed();
    }
}
