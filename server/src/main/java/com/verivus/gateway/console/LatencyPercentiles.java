package com.verivus.gateway.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Nearest-rank latency percentiles per CLI, and token/cost totals, over a list of recorder rows. */
final class LatencyPercentiles {

    private LatencyPercentiles() {
    }

    /** {cli: {count, p50, p90, p99, max}} over the rows that have a duration. */
    static Map<String, Object> perCli(List<Map<String, Object>> rows) {
        Map<String, List<Long>> durations = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            if (row.get("durationMs") instanceof Number d && row.get("cli") instanceof String cli) {
                durations.computeIfAbsent(cli, k -> new ArrayList<>()).add(d.longValue());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        durations.forEach((cli, values) -> {
            values.sort(null);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", values.size());
            m.put("p50", rank(values, 50));
            m.put("p90", rank(values, 90));
            m.put("p99", rank(values, 99));
            m.put("max", values.getLast());
            out.put(cli, m);
        });
        return out;
    }

    static long rank(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** Sums of the token counts and costs the rows know (rows without a value add nothing). */
    static Map<String, Object> totals(List<Map<String, Object>> rows) {
        long in = 0;
        long out = 0;
        double cost = 0;
        int costed = 0;
        for (Map<String, Object> row : rows) {
            in += row.get("inputTokens") instanceof Number n ? n.longValue() : 0;
            out += row.get("outputTokens") instanceof Number n ? n.longValue() : 0;
            if (row.get("costUsd") instanceof Number n) {
                cost += n.doubleValue();
                costed++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", rows.size());
        m.put("inputTokens", in);
        m.put("outputTokens", out);
        m.put("costUsd", cost);
        m.put("requestsWithCost", costed);
        return m;
    }
}
