package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Reads the JSON most incoming messages are made of (objects, arrays, strings, integers up to 18 digits,
 * {@code true}, {@code false}, {@code null}, little nesting) into the tree {@link JsonLimits#STRICT} would read,
 * without Jackson's parser. Anything else (a fraction or an exponent, a longer integer, a duplicate key, deep
 * nesting, a lone surrogate escape, any syntax error) is declined, and the caller reads the text with Jackson as
 * before, which gives its value or its error.
 *
 * <p>Why: in a fresh JVM the first use of Jackson's parser initialises {@link java.math.BigDecimal}, whose JDK 25
 * static initialiser computes 5^65536 (~10 ms of CPU), and the parser's own tables; a client's first messages
 * ({@code initialize}, {@code tools/list}) need neither. {@code PlainJsonReaderTest} checks, on generated valid
 * and broken texts, that every tree read here equals Jackson's, node types included, and that nothing Jackson
 * refuses is read here.
 */
final class PlainJsonReader {

    /** Deeper texts are left to Jackson, which enforces the real limit ({@link JsonLimits#MAX_NESTING_DEPTH}). */
    private static final int MAX_DEPTH = 64;
    /** Up to 18 digits always fit a long; Jackson reads those as an int when they fit one, else as a long. */
    private static final int MAX_INTEGER_DIGITS = 18;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private int pos;

    private PlainJsonReader(String text) {
        this.text = text;
    }

    /** The tree of {@code text}, or empty when it is not of the plain kind read here (then ask Jackson). */
    static Optional<JsonNode> read(String text) {
        PlainJsonReader reader = new PlainJsonReader(text);
        try {
            reader.skipWhitespace();
            JsonNode root = reader.value(0);
            reader.skipWhitespace();
            return reader.pos == text.length() ? Optional.of(root) : Optional.empty();
        } catch (Declined e) {
            return Optional.empty();
        }
    }

    private JsonNode value(int depth) {
        if (pos >= text.length()) {
            throw Declined.INSTANCE;
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> NODES.textNode(string());
            case 't' -> literal("true", NODES.booleanNode(true));
            case 'f' -> literal("false", NODES.booleanNode(false));
            case 'n' -> literal("null", NODES.nullNode());
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield integer();
                }
                throw Declined.INSTANCE;
            }
        };
    }

    private ObjectNode object(int depth) {
        ObjectNode node = NODES.objectNode();
        if (emptyContainer(depth, '}')) {
            return node;
        }
        do {
            if (peek() != '"') {
                throw Declined.INSTANCE;
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            if (node.replace(key, value(depth)) != null) {
                throw Declined.INSTANCE; // a duplicate key: which value stands is Jackson's to say
            }
        } while (!closed('}'));
        return node;
    }

    private ArrayNode array(int depth) {
        ArrayNode node = NODES.arrayNode();
        if (emptyContainer(depth, ']')) {
            return node;
        }
        do {
            node.add(value(depth));
        } while (!closed(']'));
        return node;
    }

    /** Steps over an object's or array's opening bracket; true when {@code close} follows at once (also consumed). */
    private boolean emptyContainer(int depth, char close) {
        if (depth > MAX_DEPTH) {
            throw Declined.INSTANCE;
        }
        pos++;
        skipWhitespace();
        if (peek() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /** After a member or element: true at {@code close}, false after a comma (either consumed, and the space). */
    private boolean closed(char close) {
        skipWhitespace();
        char c = peek();
        pos++;
        if (c == close) {
            return true;
        }
        if (c != ',') {
            throw Declined.INSTANCE;
        }
        skipWhitespace();
        return false;
    }

    private String string() {
        pos++; // opening quote
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                return escapedString(start);
            }
            if (c < 0x20) {
                throw Declined.INSTANCE;
            }
            pos++;
        }
        throw Declined.INSTANCE;
    }

    private String escapedString(int start) {
        StringBuilder out = new StringBuilder(text.length() - start);
        out.append(text, start, pos);
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw Declined.INSTANCE;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw Declined.INSTANCE;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw Declined.INSTANCE;
            }
        }
        throw Declined.INSTANCE;
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw Declined.INSTANCE;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos++), 16);
            if (digit < 0) {
                throw Declined.INSTANCE;
            }
            value = value * 16 + digit;
        }
        if (Character.isSurrogate((char) value)) {
            throw Declined.INSTANCE; // pairs and lone halves are left to Jackson
        }
        return (char) value;
    }

    private JsonNode integer() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        int digitsStart = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        int digits = pos - digitsStart;
        if (digits == 0 || digits > MAX_INTEGER_DIGITS || (digits > 1 && text.charAt(digitsStart) == '0')) {
            throw Declined.INSTANCE;
        }
        if (pos < text.length()) {
            char next = text.charAt(pos);
            if (next == '.' || next == 'e' || next == 'E') {
                throw Declined.INSTANCE; // a fraction or exponent: Jackson reads those
            }
        }
        long value = Long.parseLong(text, start, pos, 10);
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private JsonNode literal(String word, JsonNode node) {
        if (!text.startsWith(word, pos)) {
            throw Declined.INSTANCE;
        }
        pos += word.length();
        return node;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw Declined.INSTANCE;
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw Declined.INSTANCE;
        }
        return text.charAt(pos);
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    /** Not plain JSON (or not JSON): the caller asks Jackson. One shared instance, without a stack trace. */
    private static final class Declined extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Declined INSTANCE = new Declined();

        private Declined() {
            super(null, null, false, false);
        }
    }
}
