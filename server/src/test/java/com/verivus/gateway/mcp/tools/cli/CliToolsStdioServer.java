package com.verivus.gateway.mcp.tools.cli;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.doctor.ProviderStatusProbe;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.mcp.stdio.StdioGateway;
import com.verivus.gateway.upgrade.MistralInstallDetector;
import com.verivus.gateway.upgrade.UpgradePlanner;
import com.verivus.gateway.upgrade.UpgradeRunner;
import java.time.Duration;
import java.util.List;

/** A stdio MCP server with only cli_versions and cli_upgrade, as GatewayRuntime will wire them. */
public final class CliToolsStdioServer {

    private CliToolsStdioServer() {
    }

    public static void main(String[] args) throws Exception {
        GatewayEnvironment env = GatewayEnvironment.fromSystem();
        ToolCatalog catalog = new ToolCatalog(List.of(
                new CliVersionsTool(new ProviderStatusProbe(env)),
                new CliUpgradeTool(new UpgradePlanner(new MistralInstallDetector(env, Duration.ofSeconds(15))),
                        new UpgradeRunner(env))), List.of());
        StdioGateway.serveProcessStdio(catalog, "cli tools test server");
    }
}
