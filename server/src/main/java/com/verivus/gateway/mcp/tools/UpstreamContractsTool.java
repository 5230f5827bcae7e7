package com.verivus.gateway.mcp.tools;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.InputSchema;
import com.verivus.gateway.mcp.ToolCall;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.contract.CliContract;
import com.verivus.gateway.provider.contract.ContractReport;
import com.verivus.gateway.provider.contract.InstalledProbe;
import com.verivus.gateway.provider.contract.ProbeResult;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/** {@code upstream_contracts}: the bundled CLI contracts (§10.7), optionally checked against the installed CLIs. */
public final class UpstreamContractsTool implements GatewayTool {

    private final GatewayEnvironment env;
    private final Clock clock;

    public UpstreamContractsTool(GatewayEnvironment env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    public UpstreamContractsTool(GatewayEnvironment env) {
        this(env, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "upstream_contracts";
    }

    @Override
    public String description() {
        return "Show the flags, values and environment variables the gateway may pass to each provider CLI "
                + "(claude, codex, gemini, grok, vibe); every request is checked against these before anything is "
                + "spawned. With probeInstalled, also run each installed CLI's --version and --help (5 s each) and "
                + "list contract flags its help does not mention.";
    }

    @Override
    public InputSchema inputSchema() {
        return InputSchema.builder()
                .enumeration("cli", "Report only this provider (omit for all five).", CliName.keys())
                .bool("probeInstalled", "Also run the installed CLI's --version and help commands and report "
                        + "contract flags missing from its help.", false)
                .build();
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public CallToolResult call(ToolCall call) {
        Optional<CliName> cli = call.string("cli").flatMap(CliName::fromKey);
        Optional<Function<CliContract, ProbeResult>> probe = call.bool("probeInstalled")
                ? Optional.of(new InstalledProbe(env)::probe) : Optional.empty();
        return ToolResults.json(ContractReport.build(cli, probe, clock.instant()));
    }
}
