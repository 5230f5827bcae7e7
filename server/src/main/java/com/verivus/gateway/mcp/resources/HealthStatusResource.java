package com.verivus.gateway.mcp.resources;

import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.ToolResults;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * health://status: the state of the session backend, checked afresh on every read — {@code healthy},
 * {@code degraded} (Redis down: PostgreSQL serves sessions alone) or {@code unhealthy} (PostgreSQL down),
 * with the latency of each server.
 */
public final class HealthStatusResource implements GatewayResource {

    private final Supplier<Map<String, Object>> status;

    public HealthStatusResource(Supplier<Map<String, Object>> status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public String uri() {
        return "health://status";
    }

    @Override
    public String name() {
        return "health-status";
    }

    @Override
    public String title() {
        return "Session Backend Health";
    }

    @Override
    public String description() {
        return "Whether this gateway's session storage works: status healthy, degraded (Redis cache down, "
                + "PostgreSQL serving alone) or unhealthy (PostgreSQL down), with each server's round-trip "
                + "latency in milliseconds and its last error. For sessions.json it is always healthy.";
    }

    @Override
    public String read() {
        return ToolResults.pretty(status.get());
    }
}
