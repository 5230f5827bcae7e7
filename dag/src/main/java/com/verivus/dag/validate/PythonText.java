package com.verivus.dag.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders values the way Python's {@code str()} does ({@code ['a', 'b']}, {@code True}, {@code 1.5}),
 * because the reference validator's messages embed that form and the corpus matches on messages.
 */
final class PythonText {

    private PythonText() {
    }

    static String list(List<String> values) {
        return values.stream().map(PythonText::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    static String value(JsonNode node) {
        if (node == null || node.isNull()) {
            return "None";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isTextual() ? quoted(item.textValue()) : value(item)));
            return "[" + String.join(", ", items) + "]";
        }
        return node.toString();
    }

    private static String quoted(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
