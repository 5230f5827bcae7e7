package com.verivus.gateway.changereview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One review finding: where (file and line, when the reviewer gave them), how bad, and what.
 *
 * @param severity one of {@link #SEVERITIES}
 * @param file     the path as the reviewer wrote it, or null
 * @param line     the line number, or null
 */
public record Finding(String severity, String file, Integer line, String text) {

    public static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low", "info");

    public Finding {
        severity = severity == null ? "info" : severity.toLowerCase(Locale.ROOT);
        if (!SEVERITIES.contains(severity)) {
            severity = "info";
        }
        Objects.requireNonNull(text, "text");
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", severity);
        m.put("file", file);
        m.put("line", line);
        m.put("text", text);
        return m;
    }
}
