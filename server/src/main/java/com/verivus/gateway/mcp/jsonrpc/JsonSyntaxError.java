package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Says why a text is not JSON in the sender's terms: where it broke and what was expected, without
 * the parser's class and option names (Jackson's messages name {@code StreamReadConstraints} and
 * the like, which mean nothing to a client and describe the server's internals).
 */
final class JsonSyntaxError {

    private JsonSyntaxError() {
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            String original = String.valueOf(e.getOriginalMessage());
            if (original.contains("nesting depth")) {
                return "nesting deeper than " + JsonLimits.MAX_NESTING_DEPTH + " levels";
            }
            return "a number, string or name longer than this server accepts";
        }
        String reason = firstClause(String.valueOf(e.getOriginalMessage()));
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return reason;
        }
        return reason + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** The parser's own words up to where it starts describing its source or options. */
    private static String firstClause(String message) {
        String text = message;
        for (String cut : new String[] {"\n", " (start marker", " at [Source", "[Source", " (for ", "; "}) {
            int i = text.indexOf(cut);
            if (i > 0) {
                text = text.substring(0, i);
            }
        }
        text = text.strip();
        if (text.isEmpty() || text.contains("`") || text.contains("com.fasterxml") || text.contains("java.")) {
            return "not valid JSON";
        }
        return text;
    }
}
