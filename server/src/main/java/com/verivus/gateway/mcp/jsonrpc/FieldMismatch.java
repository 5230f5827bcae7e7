package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;

/**
 * Turns a failed conversion of params into "params.clientInfo: expected an object, not a string":
 * the field's path and the JSON type it needs, never the Java type the SDK maps it to.
 */
final class FieldMismatch {

    private FieldMismatch() {
    }

    static String describe(JsonMappingException e, JsonNode params) {
        if (e == null) {
            return "params do not have the shape this method needs";
        }
        StringBuilder path = new StringBuilder("params");
        JsonNode value = params;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
                value = value == null ? null : value.get(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
                value = value == null ? null : value.get(ref.getIndex());
            }
        }
        String found = value == null ? "" : ", not " + JsonKind.of(value);
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return path + ": not one of the accepted values";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return path + ": expected " + jsonTypeOf(m.getTargetType()) + found;
        }
        return path + ": not an accepted value";
    }

    private static String jsonTypeOf(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class || type == java.math.BigInteger.class) {
            return "an integer";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the accepted values";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a different value";
    }
}
