package com.verivus.gateway.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/** The checks every reply must pass on either transport, whatever the input was. */
final class ReplyRules {

    /**
     * Anything that names the server's implementation: Java packages, exception and error classes,
     * stack frames. Deliberately wider than the gateway's own rewording rule, so the test is the judge.
     */
    static final Pattern NAMES_JAVA = Pattern.compile(
            "\\bjava\\.|\\bjavax\\.|\\bjdk\\.|com\\.fasterxml|com\\.verivus|io\\.modelcontextprotocol|io\\.helidon"
                    + "|\\breactor\\.|Exception|\\b[A-Z]\\w*Error\\b|\\.java:\\d+|\\bat [\\w.$]+\\(");

    private ReplyRules() {
    }

    /** Identity of a JSON-RPC id: "1" and 1 differ, 1 and 1 (int or long) do not. */
    static String idKey(JsonNode id) {
        if (id == null || id.isNull() || id.isMissingNode()) {
            return "null";
        }
        return (id.isTextual() ? "s:" : "n:") + id.asText();
    }

    /** Adds a failure when {@code text} (a reply as sent) names Java internals. */
    static void noJavaNames(String text, List<String> failures) {
        var m = NAMES_JAVA.matcher(text);
        if (m.find()) {
            failures.add("reply names Java internals ('" + m.group() + "'): " + abbreviate(text));
        }
    }

    /** A JSON-RPC response must be well formed: jsonrpc 2.0, an id member, exactly one of result and error. */
    static void wellFormedResponse(JsonNode reply, List<String> failures) {
        if (!"2.0".equals(reply.path("jsonrpc").asText())) {
            failures.add("reply without \"jsonrpc\":\"2.0\": " + abbreviate(reply.toString()));
        }
        if (!reply.has("id")) {
            failures.add("reply without an id member: " + abbreviate(reply.toString()));
        }
        if (reply.has("result") == reply.has("error")) {
            failures.add("reply needs exactly one of result and error: " + abbreviate(reply.toString()));
        }
        if (reply.has("error") && (!reply.at("/error/code").isIntegralNumber() || !reply.at("/error/message").isTextual())) {
            failures.add("error without integer code and string message: " + abbreviate(reply.toString()));
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
