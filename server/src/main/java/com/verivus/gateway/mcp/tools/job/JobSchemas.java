package com.verivus.gateway.mcp.tools.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Output schemas (JSON Schema 2020-12) of the job tools that return structuredContent. Nullable
 * fields use {@code anyOf} with {@code null} rather than a type array, which some clients' schema
 * converters reject.
 */
public final class JobSchemas {

    private JobSchemas() {
    }

    public static Map<String, Object> type(String type) {
        return Map.of("type", type);
    }

    public static Map<String, Object> nullable(String type) {
        return Map.of("anyOf", List.of(Map.of("type", type), Map.of("type", "null")));
    }

    /** An array of these items ({@code type} first, as written: not a Map.of, whose order varies by JVM). */
    public static Map<String, Object> arrayOf(Map<String, Object> items) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "array");
        m.put("items", items);
        return m;
    }

    /** A string that is one of {@code values} ({@code type} first, then {@code enum}). */
    public static Map<String, Object> oneOf(List<String> values) {
        Map<String, Object> m = new LinkedHashMap<>(type("string"));
        m.put("enum", List.copyOf(values));
        return m;
    }

    public static Map<String, Object> described(String description, Map<String, Object> schema) {
        Map<String, Object> m = new LinkedHashMap<>(schema);
        m.put("description", description);
        return m;
    }

    /** An object with these properties, all required, further properties allowed. */
    public static Map<String, Object> object(Map<String, Object> properties) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "object");
        m.put("properties", properties);
        m.put("required", List.copyOf(properties.keySet()));
        return m;
    }

    /** The job snapshot of llm_job_status (the Node gateway's fields, workingDir when set). */
    public static Map<String, Object> snapshot() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", type("string"));
        p.put("cli", type("string"));
        p.put("status", oneOf(List.of("running", "completed", "failed", "canceled", "orphaned")));
        p.put("startedAt", type("string"));
        p.put("finishedAt", nullable("string"));
        p.put("exitCode", nullable("integer"));
        p.put("correlationId", type("string"));
        p.put("outputTruncated", type("boolean"));
        p.put("stdoutBytes", type("integer"));
        p.put("stderrBytes", type("integer"));
        p.put("error", nullable("string"));
        p.put("exited", type("boolean"));
        return object(p);
    }

    /** {offset, nextOffset, totalChars} of one paged stream. */
    public static Map<String, Object> page(String stream) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("offset", described("Where this page of " + stream + " starts (UTF-16 code units).", type("integer")));
        p.put("nextOffset", described("Pass as offset to read the next page; null when this page reached the end "
                + "of " + stream + " as it is now.", nullable("integer")));
        p.put("totalChars", described("Length of " + stream + " so far (UTF-16 code units).", type("integer")));
        return object(p);
    }
}
