package com.verivus.gateway.mcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A tool's parameters: rendered as the JSON Schema that {@code tools/list} shows (every parameter
 * carries a description), and used to check and normalise the arguments of a call, with defaults
 * applied, before the tool runs. A failed check is a clear {@link InvalidArgumentsException}.
 */
public final class InputSchema {

    private final List<Param> params;

    private InputSchema(List<Param> params) {
        this.params = List.copyOf(params);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The schema of a tool without parameters. */
    public static InputSchema empty() {
        return new Builder().build();
    }

    public List<Param> params() {
        return params;
    }

    /** The JSON Schema (draft 2020-12 compatible) of this parameter list. */
    public Map<String, Object> toJsonSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Param p : params) {
            properties.put(p.name(), p.toJsonSchema());
            if (p.required()) {
                required.add(p.name());
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    /**
     * Checks the arguments of a call and returns them with defaults applied. Unknown keys are
     * rejected, so that a misspelt parameter is not silently ignored.
     */
    public Map<String, Object> validate(Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : args.keySet()) {
            if (params.stream().noneMatch(p -> p.name().equals(key))) {
                throw new InvalidArgumentsException(key + ": unknown parameter (known: "
                        + String.join(", ", params.stream().map(Param::name).toList()) + ")");
            }
        }
        for (Param p : params) {
            boolean present = args.containsKey(p.name());
            Object value = args.get(p.name());
            if (!present || value == null && !p.nullable()) {
                if (p.required()) {
                    throw new InvalidArgumentsException(p.name() + ": required");
                }
                if (p.defaultValue() != null) {
                    out.put(p.name(), p.defaultValue());
                }
                continue;
            }
            out.put(p.name(), value == null ? null : p.check(value));
        }
        return out;
    }

    /** JSON types a parameter can have. */
    public enum Type {
        STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"),
        STRING_ARRAY("array"), OBJECT("object"), STRING_OR_OBJECT(null), OBJECT_ARRAY("array");

        private final String json;

        Type(String json) {
            this.json = json;
        }
    }

    /** One parameter: its name, type, description and constraints. */
    public record Param(String name, Type type, String description, boolean required, boolean nullable,
                        Object defaultValue, List<String> allowed, Number minimum, Number maximum,
                        Integer minLength, Integer maxLength, Integer minItems, Integer maxItems,
                        Map<String, String> messages, Map<String, Object> itemSchema) {

        public Param {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (description == null || description.isBlank()) {
                throw new IllegalArgumentException("parameter " + name + " needs a description");
            }
            allowed = allowed == null ? null : List.copyOf(allowed);
            messages = messages == null ? Map.of() : Map.copyOf(messages);
        }

        /** A parameter without an item schema (every type but OBJECT_ARRAY). */
        public Param(String name, Type type, String description, boolean required, boolean nullable,
                     Object defaultValue, List<String> allowed, Number minimum, Number maximum,
                     Integer minLength, Integer maxLength, Integer minItems, Integer maxItems,
                     Map<String, String> messages) {
            this(name, type, description, required, nullable, defaultValue, allowed, minimum, maximum, minLength,
                    maxLength, minItems, maxItems, messages, null);
        }

        /**
         * The parameter's JSON Schema in the portable form: a union is an {@code anyOf}, never a {@code type}
         * array (the MCP Inspector flags {@code "type": ["string", "null"]} as unportable, and some clients'
         * schema converters reject it). For a nullable parameter the constraints sit in the non-null branch.
         */
        Map<String, Object> toJsonSchema() {
            if (nullable && type != Type.STRING_OR_OBJECT && type != Type.STRING_ARRAY && type != Type.OBJECT_ARRAY) {
                Map<String, Object> inner = constraints(new LinkedHashMap<>(Map.of("type", type.json)));
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("anyOf", List.of(inner, Map.of("type", "null")));
                s.put("description", description);
                if (defaultValue != null) {
                    s.put("default", defaultValue);
                }
                return s;
            }
            Map<String, Object> s = new LinkedHashMap<>();
            switch (type) {
                case STRING_OR_OBJECT -> s.put("anyOf", List.of(Map.of("type", "string"), Map.of("type", "object")));
                case STRING_ARRAY -> {
                    s.put("type", "array");
                    Map<String, Object> items = new LinkedHashMap<>();
                    items.put("type", "string");
                    if (allowed != null) {
                        items.put("enum", allowed);
                    }
                    if (minLength != null) {
                        items.put("minLength", minLength);
                    }
                    s.put("items", items);
                }
                case OBJECT_ARRAY -> {
                    s.put("type", "array");
                    s.put("items", itemSchema != null ? itemSchema : Map.of("type", "object"));
                }
                default -> s.put("type", type.json);
            }
            s.put("description", description);
            if (defaultValue != null) {
                s.put("default", defaultValue);
            }
            return constraints(s);
        }

        private Map<String, Object> constraints(Map<String, Object> s) {
            if (allowed != null && type != Type.STRING_ARRAY) {
                s.put("enum", allowed);
            }
            if (minimum != null) {
                s.put("minimum", minimum);
            }
            if (maximum != null) {
                s.put("maximum", maximum);
            }
            if (minLength != null && type != Type.STRING_ARRAY) {
                s.put("minLength", minLength);
            }
            if (maxLength != null) {
                s.put("maxLength", maxLength);
            }
            if (minItems != null) {
                s.put("minItems", minItems);
            }
            if (maxItems != null) {
                s.put("maxItems", maxItems);
            }
            return s;
        }

        private String message(String rule, String fallback) {
            return name + ": " + messages.getOrDefault(rule, fallback);
        }

        Object check(Object value) {
            return switch (type) {
                case STRING -> checkString(value);
                case BOOLEAN -> {
                    if (!(value instanceof Boolean)) {
                        throw new InvalidArgumentsException(message("type", "expected a boolean"));
                    }
                    yield value;
                }
                case INTEGER -> checkNumber(value, true);
                case NUMBER -> checkNumber(value, false);
                case STRING_ARRAY -> checkArray(value);
                case OBJECT_ARRAY -> checkObjectArray(value);
                case OBJECT -> {
                    if (!(value instanceof Map<?, ?>)) {
                        throw new InvalidArgumentsException(message("type", "expected an object"));
                    }
                    yield value;
                }
                case STRING_OR_OBJECT -> {
                    if (value instanceof Map<?, ?>) {
                        yield value;
                    }
                    yield checkString(value);
                }
            };
        }

        private String checkString(Object value) {
            if (!(value instanceof String s)) {
                throw new InvalidArgumentsException(message("type", "expected a string"));
            }
            if (minLength != null && s.length() < minLength) {
                throw new InvalidArgumentsException(message("minLength",
                        "must be at least " + minLength + " character" + (minLength == 1 ? "" : "s")));
            }
            if (maxLength != null && s.length() > maxLength) {
                throw new InvalidArgumentsException(message("maxLength",
                        "must be at most " + maxLength + " characters"));
            }
            if (allowed != null && !allowed.contains(s)) {
                throw new InvalidArgumentsException(message("enum",
                        "must be one of " + String.join(", ", allowed) + " (got \"" + s + "\")"));
            }
            return s;
        }

        private Number checkNumber(Object value, boolean integer) {
            if (!(value instanceof Number n)) {
                throw new InvalidArgumentsException(message("type",
                        integer ? "expected an integer" : "expected a number"));
            }
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new InvalidArgumentsException(message("type", "expected a finite number"));
            }
            if (integer && d != Math.rint(d)) {
                throw new InvalidArgumentsException(message("type", "expected an integer"));
            }
            if (minimum != null && d < minimum.doubleValue()) {
                throw new InvalidArgumentsException(message("minimum", "must be >= " + minimum));
            }
            if (maximum != null && d > maximum.doubleValue()) {
                throw new InvalidArgumentsException(message("maximum", "must be <= " + maximum));
            }
            if (integer) {
                return n.longValue();
            }
            return n.doubleValue();
        }

        /** Each item must be a JSON object; the tool checks the items' fields itself. */
        private List<Object> checkObjectArray(Object value) {
            if (!(value instanceof List<?> list)) {
                throw new InvalidArgumentsException(message("type", "expected an array of objects"));
            }
            for (Object item : list) {
                if (!(item instanceof Map<?, ?>)) {
                    throw new InvalidArgumentsException(message("type", "expected an array of objects"));
                }
            }
            if (minItems != null && list.size() < minItems) {
                throw new InvalidArgumentsException(message("minItems", "needs at least " + minItems + " item(s)"));
            }
            if (maxItems != null && list.size() > maxItems) {
                throw new InvalidArgumentsException(message("maxItems", "takes at most " + maxItems + " item(s)"));
            }
            return List.copyOf(list);
        }

        private List<String> checkArray(Object value) {
            if (!(value instanceof List<?> list)) {
                throw new InvalidArgumentsException(message("type", "expected an array of strings"));
            }
            List<String> out = new ArrayList<>(list.size());
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw new InvalidArgumentsException(message("type", "expected an array of strings"));
                }
                if (allowed != null && !allowed.contains(s)) {
                    throw new InvalidArgumentsException(message("enum",
                            "items must be one of " + String.join(", ", allowed) + " (got \"" + s + "\")"));
                }
                if (minLength != null && s.length() < minLength) {
                    throw new InvalidArgumentsException(message("minLength",
                            "items must be at least " + minLength + " character" + (minLength == 1 ? "" : "s")));
                }
                out.add(s);
            }
            if (minItems != null && out.size() < minItems) {
                throw new InvalidArgumentsException(message("minItems", "needs at least " + minItems + " item(s)"));
            }
            if (maxItems != null && out.size() > maxItems) {
                throw new InvalidArgumentsException(message("maxItems", "takes at most " + maxItems + " item(s)"));
            }
            return List.copyOf(out);
        }
    }

    /** Builds a parameter list; each method adds one parameter and takes optional refinements. */
    public static final class Builder {
        private final List<Param> params = new ArrayList<>();

        public Builder string(String name, String description) {
            return add(name, Type.STRING, description, null);
        }

        public Builder string(String name, String description, Consumer<ParamSpec> refine) {
            return add(name, Type.STRING, description, refine);
        }

        public Builder integer(String name, String description, Consumer<ParamSpec> refine) {
            return add(name, Type.INTEGER, description, refine);
        }

        public Builder number(String name, String description, Consumer<ParamSpec> refine) {
            return add(name, Type.NUMBER, description, refine);
        }

        public Builder bool(String name, String description) {
            return add(name, Type.BOOLEAN, description, null);
        }

        public Builder bool(String name, String description, boolean defaultValue) {
            return add(name, Type.BOOLEAN, description, p -> p.defaultValue(defaultValue));
        }

        public Builder enumeration(String name, String description, List<String> values) {
            return add(name, Type.STRING, description, p -> p.allowed(values));
        }

        public Builder enumeration(String name, String description, List<String> values, String defaultValue) {
            return add(name, Type.STRING, description, p -> p.allowed(values).defaultValue(defaultValue));
        }

        public Builder stringArray(String name, String description) {
            return add(name, Type.STRING_ARRAY, description, null);
        }

        public Builder stringArray(String name, String description, Consumer<ParamSpec> refine) {
            return add(name, Type.STRING_ARRAY, description, refine);
        }

        /**
         * An array of JSON objects; {@code itemSchema} is the JSON Schema shown for each item (the tool
         * checks the items' fields itself).
         */
        public Builder objectArray(String name, String description, Map<String, Object> itemSchema,
                                   Consumer<ParamSpec> refine) {
            add(name, Type.OBJECT_ARRAY, description, refine);
            Param p = params.removeLast();
            params.add(new Param(p.name(), p.type(), p.description(), p.required(), p.nullable(), p.defaultValue(),
                    p.allowed(), p.minimum(), p.maximum(), p.minLength(), p.maxLength(), p.minItems(), p.maxItems(),
                    p.messages(), itemSchema == null ? null
                            : Collections.unmodifiableSequencedMap(new LinkedHashMap<>(itemSchema))));
            return this;
        }

        public Builder object(String name, String description) {
            return add(name, Type.OBJECT, description, null);
        }

        public Builder stringOrObject(String name, String description) {
            return add(name, Type.STRING_OR_OBJECT, description, null);
        }

        /** Adds every parameter of another schema (shared blocks such as the session trio). */
        public Builder include(InputSchema other) {
            params.addAll(other.params);
            return this;
        }

        private Builder add(String name, Type type, String description, Consumer<ParamSpec> refine) {
            ParamSpec spec = new ParamSpec();
            if (refine != null) {
                refine.accept(spec);
            }
            params.removeIf(p -> p.name().equals(name));
            params.add(new Param(name, type, description, spec.required, spec.nullable, spec.defaultValue,
                    spec.allowed, spec.minimum, spec.maximum, spec.minLength, spec.maxLength,
                    spec.minItems, spec.maxItems, spec.messages));
            return this;
        }

        public InputSchema build() {
            return new InputSchema(params);
        }
    }

    /** Refinements of one parameter. */
    public static final class ParamSpec {
        private boolean required;
        private boolean nullable;
        private Object defaultValue;
        private List<String> allowed;
        private Number minimum;
        private Number maximum;
        private Integer minLength;
        private Integer maxLength;
        private Integer minItems;
        private Integer maxItems;
        private final Map<String, String> messages = new LinkedHashMap<>();

        public ParamSpec required() {
            this.required = true;
            return this;
        }

        /** The key may be present with a JSON null value. */
        public ParamSpec nullable() {
            this.nullable = true;
            return this;
        }

        public ParamSpec defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        public ParamSpec allowed(List<String> values) {
            this.allowed = values;
            return this;
        }

        public ParamSpec range(Number min, Number max) {
            this.minimum = min;
            this.maximum = max;
            return this;
        }

        public ParamSpec min(Number min) {
            this.minimum = min;
            return this;
        }

        public ParamSpec length(Integer min, Integer max) {
            this.minLength = min;
            this.maxLength = max;
            return this;
        }

        public ParamSpec items(Integer min, Integer max) {
            this.minItems = min;
            this.maxItems = max;
            return this;
        }

        /** A custom message for a failed rule: type, enum, minimum, maximum, minLength, maxLength, minItems. */
        public ParamSpec message(String rule, String text) {
            messages.put(rule, text);
            return this;
        }
    }
}
