package com.verivus.gateway.mcp.tools.validation;

import com.verivus.gateway.mcp.tools.job.JobSchemas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small JSON Schema (2020-12) builders for the validation tools' output schemas. An object lists
 * its properties; all are required unless added with {@link ObjectBuilder#optional}; objects are
 * closed (no other properties) unless {@link ObjectBuilder#open}, so that a field added to a
 * result without its schema fails the schema tests instead of drifting silently.
 */
final class OutputSchema {

    private OutputSchema() {
    }

    static ObjectBuilder object() {
        return new ObjectBuilder();
    }

    static Map<String, Object> string() {
        return Map.of("type", "string");
    }

    /** Nullable types as {@code anyOf}, not a {@code type} array: the form MCP clients' schema checks accept. */
    static Map<String, Object> nullableString() {
        return nullable(string());
    }

    static Map<String, Object> bool() {
        return Map.of("type", "boolean");
    }

    static Map<String, Object> integer() {
        return Map.of("type", "integer");
    }

    static Map<String, Object> nullableInteger() {
        return nullable(integer());
    }

    static Map<String, Object> constant(Object value) {
        return Map.of("const", value);
    }

    static Map<String, Object> oneOf(List<String> values) {
        return JobSchemas.oneOf(values);
    }

    static Map<String, Object> oneOf(String... values) {
        return oneOf(Arrays.asList(values));
    }

    static Map<String, Object> arrayOf(Map<String, Object> items) {
        return JobSchemas.arrayOf(items);
    }

    static Map<String, Object> nullable(Map<String, Object> schema) {
        return Map.of("anyOf", List.of(schema, Map.of("type", "null")));
    }

    static Map<String, Object> described(String description, Map<String, Object> schema) {
        return JobSchemas.described(description, schema);
    }

    /** Builds one object schema. */
    static final class ObjectBuilder {
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private boolean open;

        ObjectBuilder prop(String name, Map<String, Object> schema) {
            properties.put(name, schema);
            required.add(name);
            return this;
        }

        ObjectBuilder optional(String name, Map<String, Object> schema) {
            properties.put(name, schema);
            return this;
        }

        /** Other properties are allowed too (objects whose shape another part of the gateway owns). */
        ObjectBuilder open() {
            this.open = true;
            return this;
        }

        Map<String, Object> build() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "object");
            m.put("properties", properties);
            if (!required.isEmpty()) {
                m.put("required", List.copyOf(required));
            }
            if (!open) {
                m.put("additionalProperties", false);
            }
            return m;
        }
    }
}
