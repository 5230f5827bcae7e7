package com.verivus.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyPercentilesTest {

    @Test
    void percentilesUseNearestRank() {
        List<Long> sorted = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L);
        assertThat(LatencyPercentiles.rank(sorted, 50)).isEqualTo(50);
        assertThat(LatencyPercentiles.rank(sorted, 90)).isEqualTo(90);
        assertThat(LatencyPercentiles.rank(sorted, 99)).isEqualTo(100);
        assertThat(LatencyPercentiles.rank(List.of(7L), 50)).isEqualTo(7);
    }

    @Test
    void rowsWithoutADurationAreLeftOutAndTotalsAddOnlyKnownValues() {
        List<Map<String, Object>> rows = List.of(
                Map.of("cli", "claude", "durationMs", 300L, "inputTokens", 11L, "outputTokens", 7L, "costUsd", 0.5),
                Map.of("cli", "claude", "durationMs", 100L),
                Map.of("cli", "gemini"));
        assertThat(LatencyPercentiles.perCli(rows)).containsOnlyKeys("claude");
        assertThat(LatencyPercentiles.perCli(rows).get("claude")).isEqualTo(
                Map.of("count", 2, "p50", 100L, "p90", 300L, "p99", 300L, "max", 300L));
        assertThat(LatencyPercentiles.totals(rows)).containsEntry("requests", 3).containsEntry("inputTokens", 11L)
                .containsEntry("outputTokens", 7L).containsEntry("costUsd", 0.5).containsEntry("requestsWithCost", 1);
    }
}
