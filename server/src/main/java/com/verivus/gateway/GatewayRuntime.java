package com.verivus.gateway;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ServerInstructions;
import com.verivus.gateway.mcp.ToolCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root: builds every subsystem once per process from the environment, and the tool
 * catalogue that each transport serves. Subsystems are closed in reverse order on shutdown.
 */
public final class GatewayRuntime implements AutoCloseable {

    private final GatewayEnvironment env;
    private final ToolCatalog catalog;
    private final String instructions;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private GatewayRuntime(GatewayEnvironment env) {
        this.env = env;
        List<GatewayTool> tools = new ArrayList<>();
        List<GatewayResource> resources = new ArrayList<>();
        this.catalog = new ToolCatalog(tools, resources);
        this.instructions = ServerInstructions.text(45_000, false, List.of());
    }

    public static GatewayRuntime start(GatewayEnvironment env) {
        return new GatewayRuntime(env);
    }

    public GatewayEnvironment environment() {
        return env;
    }

    public ToolCatalog catalog() {
        return catalog;
    }

    public String instructions() {
        return instructions;
    }

    @Override
    public void close() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                com.verivus.gateway.log.GatewayLog.warn("shutdown: " + e.getMessage());
            }
        }
    }
}
