package com.verivus.gateway.validation;

import com.verivus.gateway.json.IsoTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validation run as the tools return it (the Node gateway's ValidationRunReport): the request,
 * every provider's normalized result, the judge's synthesis, the report and a hint what to do next.
 *
 * @param success at least one provider job was started
 */
public record ValidationRun(boolean success, String validationId, Instant startedAt, ValidationRequest request,
                            List<NormalizedResult> results, Synthesis synthesis, ValidationReport report,
                            String next) {

    public ValidationRun {
        results = List.copyOf(results);
    }

    public RunStatus status() {
        return report.status();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("success", success);
        m.put("validationId", validationId);
        m.put("status", report.status().key());
        m.put("startedAt", IsoTimestamps.format(startedAt));
        m.put("intent", request.intent().key());
        m.put("originalRequest", request.originalRequest());
        m.put("modelList", request.providerKeys());
        List<Object> rs = new ArrayList<>();
        for (NormalizedResult r : results) {
            rs.add(r.toMap());
        }
        m.put("results", rs);
        m.put("synthesis", synthesis.toMap());
        m.put("report", report.toMap());
        m.put("next", next);
        return m;
    }
}
