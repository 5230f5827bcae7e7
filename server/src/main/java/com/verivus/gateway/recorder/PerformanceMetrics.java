package com.verivus.gateway.recorder;

import com.verivus.gateway.provider.CliName;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-CLI request counts, outcomes and latency, counted once per request (the caller records when a
 * request reaches its final outcome; the Node gateway counted sync requests twice). Latency
 * percentiles come from a bounded window of the most recent durations per CLI.
 */
public final class PerformanceMetrics {

    static final int WINDOW = 1024;

    private final Map<CliName, CliStats> stats = new EnumMap<>(CliName.class);

    public PerformanceMetrics() {
        for (CliName cli : CliName.values()) {
            stats.put(cli, new CliStats());
        }
    }

    /** Records one finished request; negative or non-finite durations count as 0 ms. */
    public void recordRequest(CliName cli, double durationMs, boolean success) {
        double ms = Double.isFinite(durationMs) && durationMs >= 0 ? durationMs : 0;
        CliStats s = stats.get(cli);
        synchronized (s) {
            s.requests++;
            if (success) {
                s.successes++;
            } else {
                s.failures++;
            }
            s.totalMs += ms;
            s.window[s.next] = ms;
            s.next = (s.next + 1) % WINDOW;
            s.filled = Math.min(WINDOW, s.filled + 1);
        }
    }

    /** The metrics://performance document. */
    public Map<String, Object> snapshot() {
        long total = 0;
        long ok = 0;
        long failed = 0;
        Map<String, Object> byTool = new LinkedHashMap<>();
        for (CliName cli : CliName.values()) {
            CliStats s = stats.get(cli);
            Map<String, Object> entry = new LinkedHashMap<>();
            synchronized (s) {
                total += s.requests;
                ok += s.successes;
                failed += s.failures;
                entry.put("requestCount", s.requests);
                entry.put("successCount", s.successes);
                entry.put("failureCount", s.failures);
                entry.put("averageResponseTimeMs", s.requests == 0 ? 0 : s.totalMs / s.requests);
                entry.put("successRate", rate(s.successes, s.requests));
                entry.put("failureRate", rate(s.failures, s.requests));
                double[] sorted = Arrays.copyOf(s.window, s.filled);
                Arrays.sort(sorted);
                entry.put("p50ResponseTimeMs", percentile(sorted, 50));
                entry.put("p95ResponseTimeMs", percentile(sorted, 95));
                entry.put("p99ResponseTimeMs", percentile(sorted, 99));
            }
            byTool.put(cli.key(), entry);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalRequests", total);
        out.put("totalSuccesses", ok);
        out.put("totalFailures", failed);
        out.put("overallSuccessRate", rate(ok, total));
        out.put("overallFailureRate", rate(failed, total));
        out.put("byTool", byTool);
        out.put("generatedAt", Instant.now().toString());
        return out;
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** Nearest-rank percentile; 0 when there is no sample. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static final class CliStats {
        long requests;
        long successes;
        long failures;
        double totalMs;
        final double[] window = new double[WINDOW];
        int next;
        int filled;
    }
}
