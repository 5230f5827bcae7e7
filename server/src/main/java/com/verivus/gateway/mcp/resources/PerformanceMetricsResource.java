package com.verivus.gateway.mcp.resources;

import com.verivus.gateway.mcp.GatewayResource;
import com.verivus.gateway.mcp.ToolResults;
import com.verivus.gateway.recorder.PerformanceMetrics;

/** metrics://performance: request counts, success rates and latency per CLI since the gateway started. */
public final class PerformanceMetricsResource implements GatewayResource {

    private final PerformanceMetrics metrics;

    public PerformanceMetricsResource(PerformanceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public String uri() {
        return "metrics://performance";
    }

    @Override
    public String name() {
        return "performance-metrics";
    }

    @Override
    public String title() {
        return "📈 Performance Metrics";
    }

    @Override
    public String description() {
        return "Request counts, success and failure rates, average and p50/p95/p99 latency per CLI since start.";
    }

    @Override
    public String read() {
        return ToolResults.pretty(metrics.snapshot());
    }
}
