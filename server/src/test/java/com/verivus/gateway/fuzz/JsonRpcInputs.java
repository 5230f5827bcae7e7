package com.verivus.gateway.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.verivus.gateway.fuzz.FuzzInput.Expect;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of JSON-RPC messages, valid-shaped and broken: every field with every wrong type, null and
 * junk params, unknown methods, huge and fractional ids, nested junk, batches, non-JSON, invalid UTF-8,
 * nesting past the parser's limit, and tools/call of real tools with wrong argument types. Only tools
 * that never start a CLI are called; the provider request tools are called only with a {@code prompt}
 * of the wrong type, which the input check rejects before anything is spawned.
 */
final class JsonRpcInputs {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Tools that only read or write the gateway's own small state files. */
    static final List<String> CHEAP_TOOLS = List.of("session_list", "session_get", "session_create",
            "session_set_active", "session_delete", "approval_list", "llm_process_health", "list_models",
            "list_available_models", "llm_job_status", "llm_job_result", "llm_job_cancel", "job_status",
            "job_result");

    /** Tools that would spawn a CLI with valid arguments: called only with an invalid prompt. */
    static final List<String> SPAWNING_TOOLS = List.of("claude_request", "codex_request", "gemini_request",
            "grok_request", "mistral_request", "claude_request_async", "gemini_request_async", "ask_model",
            "second_opinion");

    private static final List<String> PARAM_NAMES = List.of("cli", "sessionId", "description", "setAsActive",
            "jobId", "model", "limit", "prompt", "cursor", "status", "name", "uri", "x");

    private static final List<String> METHODS = List.of("ping", "tools/list", "tools/call", "resources/list",
            "resources/read", "resources/templates/list", "prompts/list", "prompts/get", "logging/setLevel",
            "completion/complete", "resources/subscribe", "resources/unsubscribe", "tasks/get", "roots/list",
            "sampling/createMessage", "server/discover", "");

    private static final List<String> NOTIFICATIONS = List.of("notifications/initialized",
            "notifications/cancelled", "notifications/progress", "notifications/roots/list_changed",
            "notifications/whatever", "notifications/message");

    private JsonRpcInputs() {
    }

    /** The whole mix, weighted towards inputs that reach deep into the gateway. */
    static Arbitrary<FuzzInput> messages() {
        return Arbitraries.frequencyOf(
                Tuple.of(14, validRequests()),
                Tuple.of(14, requestsWithBadParams()),
                Tuple.of(20, toolCalls()),
                Tuple.of(8, notifications()),
                Tuple.of(14, brokenEnvelopes()),
                Tuple.of(5, clientResponses()),
                Tuple.of(20, notJsonRpc()),
                Tuple.of(1, largeMessages()));
    }

    // ---- values ----------------------------------------------------------------------------------

    static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(24),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                Arbitraries.of("", " ", "null", "-", "--help", "../../etc/passwd", "\u0000", "\ud83d\ude00",
                        "claude", "skills://x", "sessions://all", "a".repeat(300)));
    }

    /** Any JSON value, nested up to {@code depth} levels. */
    static Arbitrary<JsonNode> junk(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE).map(NODES::numberNode),
                Arbitraries.of(new BigInteger("18446744073709551616"), new BigInteger("-99999999999999999999999"))
                        .map(NODES::numberNode),
                Arbitraries.doubles().filter(Double::isFinite).map(NODES::numberNode),
                strings().map(NODES::textNode));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<JsonNode> array = junk(depth - 1).list().ofMaxSize(4).map(items -> {
            var a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(PARAM_NAMES), strings()),
                junk(depth - 1)).ofMaxSize(4).map(JsonRpcInputs::object);
        return Arbitraries.frequencyOf(Tuple.of(4, leaf), Tuple.of(1, array), Tuple.of(2, object));
    }

    /** A usable request id: a string or a 64-bit integer. */
    static Arbitrary<JsonNode> validIds() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE).map(NODES::numberNode),
                strings().filter(s -> !s.startsWith(FuzzTarget.SENTINEL_PREFIX)).map(NODES::textNode));
    }

    /** Ids JSON-RPC 2.0 or MCP rule out (or the SDK cannot hold): null, booleans, fractions, 2^64, structures. */
    static Arbitrary<JsonNode> invalidIds() {
        return Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.of(1.5, -0.25, 1e300).map(NODES::numberNode),
                Arbitraries.of(new BigInteger("18446744073709551616"), new BigInteger("-9223372036854775809"))
                        .map(NODES::numberNode),
                junk(1).filter(JsonNode::isContainerNode));
    }

    // ---- requests --------------------------------------------------------------------------------

    static Arbitrary<FuzzInput> validRequests() {
        Arbitrary<String> method = Arbitraries.oneOf(
                Arbitraries.of("ping", "tools/list", "resources/list", "resources/templates/list", "prompts/list",
                        "logging/setLevel"),
                strings().filter(m -> !m.isEmpty() && !"initialize".equals(m)));
        Arbitrary<JsonNode> params = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.just(NODES.objectNode()),
                Arbitraries.of("debug", "info", "warning", "error").map(l -> object(Map.of("level", NODES.textNode(l)))),
                strings().map(c -> object(Map.of("cursor", NODES.textNode(c)))));
        return Combinators.combine(validIds(), method, params)
                .as((id, m, p) -> request("valid-shaped request", id, m, p));
    }

    static Arbitrary<FuzzInput> requestsWithBadParams() {
        Arbitrary<String> method = Arbitraries.oneOf(Arbitraries.of(METHODS).filter(m -> !m.isEmpty()),
                strings().filter(m -> !m.isEmpty() && !"initialize".equals(m)));
        Arbitrary<JsonNode> params = Arbitraries.oneOf(
                Arbitraries.just(NODES.nullNode()),
                junk(2),
                Arbitraries.maps(Arbitraries.of("name", "uri", "level", "cursor", "arguments", "_meta", "ref",
                        "argument", "protocolVersion", "capabilities", "clientInfo"), junk(2)).ofMinSize(1).ofMaxSize(3)
                        .map(JsonRpcInputs::object));
        Arbitrary<FuzzInput> ordinary = Combinators.combine(validIds(), method, params)
                .as((id, m, p) -> request("request with junk params", id, m, p));
        Arbitrary<FuzzInput> initialize = Combinators.combine(validIds(), junk(2).filter(p -> !p.isObject()
                        || !p.path("protocolVersion").isTextual()))
                .as((id, p) -> request("initialize with bad params", id, "initialize", p));
        return Arbitraries.frequencyOf(Tuple.of(9, ordinary), Tuple.of(1, initialize));
    }

    static Arbitrary<FuzzInput> toolCalls() {
        Arbitrary<JsonNode> name = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(CHEAP_TOOLS).map(NODES::textNode)),
                Tuple.of(1, strings().map(NODES::textNode)),
                Tuple.of(1, junk(1).filter(n -> !n.isTextual())));
        Arbitrary<JsonNode> arguments = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.maps(Arbitraries.of(PARAM_NAMES), junk(1)).ofMaxSize(3)
                        .map(JsonRpcInputs::object)),
                Tuple.of(1, junk(2)),
                Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<JsonNode> meta = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(null)),
                Tuple.of(1, junk(1)),
                Tuple.of(1, junk(1).map(t -> object(Map.of("progressToken", t)))));
        Arbitrary<FuzzInput> cheap = Combinators.combine(validIds(), name, arguments, meta).as((id, n, a, m) -> {
            ObjectNode p = NODES.objectNode();
            p.set("name", n);
            if (a != null) {
                p.set("arguments", a);
            }
            if (m != null) {
                p.set("_meta", m);
            }
            return request("tools/call", id, "tools/call", p);
        });
        Arbitrary<JsonNode> badPrompt = junk(1).filter(n -> !n.isTextual());
        Arbitrary<FuzzInput> spawning = Combinators.combine(validIds(), Arbitraries.of(SPAWNING_TOOLS), badPrompt)
                .as((id, tool, prompt) -> {
                    ObjectNode p = NODES.objectNode();
                    p.put("name", tool);
                    p.set("arguments", object(Map.of("prompt", prompt)));
                    return request("tools/call with a bad prompt", id, "tools/call", p);
                });
        return Arbitraries.frequencyOf(Tuple.of(4, cheap), Tuple.of(1, spawning));
    }

    static Arbitrary<FuzzInput> notifications() {
        Arbitrary<String> method = Arbitraries.oneOf(Arbitraries.of(NOTIFICATIONS), strings().filter(s -> !s.isEmpty()));
        Arbitrary<JsonNode> params = Arbitraries.oneOf(Arbitraries.just(null), junk(2));
        return Combinators.combine(method, params).as((m, p) -> {
            ObjectNode n = NODES.objectNode();
            n.put("jsonrpc", "2.0");
            n.put("method", m);
            if (p != null) {
                n.set("params", p);
            }
            return FuzzInput.text("notification", write(n), Expect.NO_REPLY, null);
        });
    }

    static Arbitrary<FuzzInput> clientResponses() {
        Arbitrary<JsonNode> body = Arbitraries.oneOf(junk(1).filter(JsonNode::isObject)
                        .map(r -> object(Map.of("result", r))),
                Combinators.combine(Arbitraries.integers(), strings()).as((c, m) -> object(Map.of("error",
                        object(Map.of("code", NODES.numberNode(c), "message", NODES.textNode(m)))))));
        return Combinators.combine(validIds(), body).as((id, b) -> {
            ObjectNode r = NODES.objectNode();
            r.put("jsonrpc", "2.0");
            r.set("id", id);
            b.properties().forEach(e -> r.set(e.getKey(), e.getValue()));
            return FuzzInput.text("response from the client", write(r), Expect.NO_REPLY, null);
        });
    }

    // ---- broken envelopes and non-JSON -----------------------------------------------------------

    static Arbitrary<FuzzInput> brokenEnvelopes() {
        Arbitrary<FuzzInput> badId = Combinators.combine(invalidIds(), Arbitraries.of(METHODS).filter(m -> !m.isEmpty()))
                .as((id, m) -> envelope("request with an invalid id", Map.of("jsonrpc", NODES.textNode("2.0"), "id", id,
                        "method", NODES.textNode(m))));
        Arbitrary<FuzzInput> badVersion = Combinators.combine(validIds(), junk(1).filter(v -> !v.asText().equals("2.0")
                        || !v.isTextual()))
                .as((id, v) -> envelope("wrong jsonrpc version", Map.of("jsonrpc", v, "id", id,
                        "method", NODES.textNode("ping"))));
        Arbitrary<FuzzInput> noVersion = validIds().map(id -> envelope("no jsonrpc member", Map.of("id", id,
                "method", NODES.textNode("ping"))));
        Arbitrary<FuzzInput> badMethod = Combinators.combine(validIds(), junk(1).filter(m -> !m.isTextual()
                        || m.asText().isEmpty()))
                .as((id, m) -> envelope("method of the wrong type", Map.of("jsonrpc", NODES.textNode("2.0"), "id", id,
                        "method", m)));
        Arbitrary<FuzzInput> neither = validIds().map(id -> envelope("no method, no result",
                Map.of("jsonrpc", NODES.textNode("2.0"), "id", id)));
        Arbitrary<FuzzInput> both = Combinators.combine(validIds(), junk(1)).as((id, r) -> envelope(
                "request and response at once", Map.of("jsonrpc", NODES.textNode("2.0"), "id", id,
                        "method", NODES.textNode("ping"), "result", r)));
        Arbitrary<FuzzInput> badResult = Combinators.combine(validIds(), junk(1).filter(r -> !r.isObject()))
                .as((id, r) -> envelope("response whose result is not an object", Map.of("jsonrpc",
                        NODES.textNode("2.0"), "id", id, "result", r)));
        Arbitrary<FuzzInput> badError = Combinators.combine(validIds(), junk(1).filter(e -> !e.isObject()))
                .as((id, e) -> envelope("response with a malformed error", Map.of("jsonrpc", NODES.textNode("2.0"),
                        "id", id, "error", e)));
        Arbitrary<FuzzInput> scalars = junk(2).filter(n -> !n.isObject() && !n.isArray())
                .map(n -> FuzzInput.text("a JSON scalar", write(n), Expect.REPLY_WITH_NULL_ID, null));
        Arbitrary<FuzzInput> batches = Arbitraries.oneOf(validRequests(), notifications()).list().ofMaxSize(3)
                .map(items -> FuzzInput.text("a batch", "[" + String.join(",", items.stream()
                        .map(i -> new String(i.wire(), StandardCharsets.UTF_8)).toList()) + "]",
                        Expect.REPLY_WITH_NULL_ID, null));
        return Arbitraries.oneOf(badId, badVersion, noVersion, badMethod, neither, both, badResult, badError, scalars,
                batches);
    }

    static Arbitrary<FuzzInput> notJsonRpc() {
        Arbitrary<FuzzInput> truncated = validRequests().flatMap(r -> Arbitraries.integers()
                .between(1, r.wire().length - 1)
                .map(cut -> new FuzzInput("truncated JSON", java.util.Arrays.copyOf(r.wire(), cut),
                        Expect.REPLY_WITH_NULL_ID, null)));
        Arbitrary<FuzzInput> garbage = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(60)
                .filter(s -> !s.isBlank() && !parses(s))
                .map(s -> FuzzInput.text("printable garbage", s, Expect.REPLY_WITH_NULL_ID, null));
        Arbitrary<FuzzInput> bytes = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64)
                .map(JsonRpcInputs::withoutLineEnds)
                .filter(b -> !blank(b) && !parses(b))
                .map(b -> new FuzzInput("random bytes", b, Expect.REPLY_WITH_NULL_ID, null));
        Arbitrary<FuzzInput> badUtf8 = Combinators.combine(validRequests(), Arbitraries.of(
                        new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}))
                .as((r, bad) -> new FuzzInput("invalid UTF-8 inside a string", insertIntoFirstString(r.wire(), bad),
                        Expect.REPLY_WITH_NULL_ID, null));
        Arbitrary<FuzzInput> deep = Combinators.combine(Arbitraries.integers().between(1001, 5000),
                        Arbitraries.of("[", "{\"a\":"))
                .as((depth, open) -> FuzzInput.text("nesting deeper than 1000", open.repeat(depth),
                        Expect.REPLY_WITH_NULL_ID, null));
        Arbitrary<FuzzInput> trailing = validRequests().map(r -> FuzzInput.text("a message with trailing junk",
                new String(r.wire(), StandardCharsets.UTF_8) + " x", Expect.REPLY_WITH_NULL_ID, null));
        return Arbitraries.oneOf(truncated, garbage, bytes, badUtf8, deep, trailing);
    }

    /** A ping whose params carry up to a megabyte of text: long lines must be read whole. */
    static Arbitrary<FuzzInput> largeMessages() {
        return Combinators.combine(validIds(), Arbitraries.integers().between(10_000, 1_000_000))
                .as((id, size) -> request("a large message", id, "ping",
                        object(Map.of("padding", NODES.textNode("x".repeat(size))))));
    }

    // ---- building ----------------------------------------------------------------------------------

    private static FuzzInput request(String kind, JsonNode id, String method, JsonNode params) {
        ObjectNode r = NODES.objectNode();
        r.put("jsonrpc", "2.0");
        r.set("id", id);
        r.put("method", method);
        if (params != null) {
            r.set("params", params);
        }
        return FuzzInput.text(kind, write(r), Expect.REPLY_WITH_ID, id);
    }

    private static FuzzInput envelope(String kind, Map<String, JsonNode> fields) {
        return FuzzInput.text(kind, write(object(fields)), Expect.REPLY_WITH_NULL_ID, null);
    }

    private static ObjectNode object(Map<String, ? extends JsonNode> fields) {
        ObjectNode o = NODES.objectNode();
        fields.forEach(o::set);
        return o;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean parses(String s) {
        return parses(s.getBytes(StandardCharsets.UTF_8));
    }

    /** True when the bytes are one complete JSON value (then they are not "garbage"). */
    private static boolean parses(byte[] b) {
        try {
            JsonNode n = JSON.readTree(b);
            return n != null && !n.isMissingNode();
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] withoutLineEnds(byte[] b) {
        byte[] copy = b.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == '\n') {
                copy[i] = '#';
            }
        }
        return copy;
    }

    private static boolean blank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\t' && x != '\r') {
                return false;
            }
        }
        return true;
    }

    private static byte[] insertIntoFirstString(byte[] json, byte[] bad) {
        int quote = -1;
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '"') {
                quote = i;
                break;
            }
        }
        byte[] out = new byte[json.length + bad.length];
        System.arraycopy(json, 0, out, 0, quote + 1);
        System.arraycopy(bad, 0, out, quote + 1, bad.length);
        System.arraycopy(json, quote + 1, out, quote + 1 + bad.length, json.length - quote - 1);
        return out;
    }
}
