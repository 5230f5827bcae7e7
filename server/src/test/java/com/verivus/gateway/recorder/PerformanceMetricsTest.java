package com.verivus.gateway.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.mcp.resources.PerformanceMetricsResource;
import com.verivus.gateway.provider.CliName;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerformanceMetricsTest {

    @Test
    @SuppressWarnings("unchecked")
    void startsAtZeroForEveryCli() {
        Map<String, Object> snap = new PerformanceMetrics().snapshot();
        assertThat(snap).containsEntry("totalRequests", 0L).containsEntry("overallSuccessRate", 0.0);
        Map<String, Object> byTool = (Map<String, Object>) snap.get("byTool");
        assertThat(byTool).containsOnlyKeys("claude", "codex", "gemini", "grok", "mistral");
        assertThat((Map<String, Object>) byTool.get("claude")).containsEntry("requestCount", 0L)
                .containsEntry("averageResponseTimeMs", 0.0).containsEntry("p95ResponseTimeMs", 0.0);
    }

    @Test
    void countsRatesAveragesAndPercentiles() throws Exception {
        PerformanceMetrics m = new PerformanceMetrics();
        for (int i = 1; i <= 100; i++) {
            m.recordRequest(CliName.CODEX, i, i % 4 != 0);
        }
        m.recordRequest(CliName.GEMINI, -5, false);
        m.recordRequest(CliName.GEMINI, Double.NaN, true);
        JsonNode snap = new ObjectMapper().readTree(new PerformanceMetricsResource(m).read());
        assertThat(snap.get("totalRequests").asLong()).isEqualTo(102);
        JsonNode codex = snap.get("byTool").get("codex");
        assertThat(codex.get("requestCount").asLong()).isEqualTo(100);
        assertThat(codex.get("successCount").asLong()).isEqualTo(75);
        assertThat(codex.get("failureRate").asDouble()).isEqualTo(0.25);
        assertThat(codex.get("averageResponseTimeMs").asDouble()).isEqualTo(50.5);
        assertThat(codex.get("p50ResponseTimeMs").asDouble()).isEqualTo(50.0);
        assertThat(codex.get("p95ResponseTimeMs").asDouble()).isEqualTo(95.0);
        assertThat(codex.get("p99ResponseTimeMs").asDouble()).isEqualTo(99.0);
        JsonNode gemini = snap.get("byTool").get("gemini");
        assertThat(gemini.get("averageResponseTimeMs").asDouble()).isZero();
        assertThat(gemini.get("successRate").asDouble()).isEqualTo(0.5);
    }

    @Test
    void windowKeepsOnlyRecentLatencies() {
        PerformanceMetrics m = new PerformanceMetrics();
        for (int i = 0; i < PerformanceMetrics.WINDOW; i++) {
            m.recordRequest(CliName.CLAUDE, 1000, true);
        }
        for (int i = 0; i < PerformanceMetrics.WINDOW; i++) {
            m.recordRequest(CliName.CLAUDE, 10, true);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> claude = (Map<String, Object>) ((Map<String, Object>) m.snapshot().get("byTool")).get("claude");
        assertThat(claude.get("p99ResponseTimeMs")).isEqualTo(10.0);
        assertThat(claude.get("requestCount")).isEqualTo((long) 2 * PerformanceMetrics.WINDOW);
    }
}
