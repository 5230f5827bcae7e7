package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree as the plain Java value Jackson makes of it when asked for an {@code Object} (what the SDK's
 * records declare for ids and params): objects as {@link LinkedHashMap}s in their order, arrays as
 * {@link ArrayList}s, numbers as the {@code Integer}, {@code Long}, {@code BigInteger} or {@code Double} the
 * parser read. The same result as {@code convertValue(tree, Object.class)}, which writes the tree into a token
 * buffer and reads it back, for every message, and in a fresh JVM first builds its serializers.
 */
final class UntypedValue {

    private UntypedValue() {
    }

    /** The value of {@code node}; null for a JSON null. */
    static Object of(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> object(node);
            case ARRAY -> array(node);
            case STRING -> node.textValue();
            case NUMBER -> node.numberValue();
            case BOOLEAN -> node.booleanValue();
            case NULL, MISSING -> null;
            case BINARY, POJO -> throw new IllegalArgumentException("not a value a JSON text holds: " + node.getNodeType());
        };
    }

    private static Map<String, Object> object(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            map.put(field.getKey(), of(field.getValue()));
        }
        return map;
    }

    private static List<Object> array(JsonNode node) {
        List<Object> list = new ArrayList<>(node.size());
        for (JsonNode element : node) {
            list.add(of(element));
        }
        return list;
    }
}
