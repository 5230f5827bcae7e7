package com.verivus.gateway.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * One generated message: the bytes put on the wire (one stdio line without its newline, or one HTTP
 * body) and what a correct gateway does with it.
 */
record FuzzInput(String kind, byte[] wire, Expect expect, JsonNode id) {

    enum Expect {
        /** A request with a usable id: exactly one response carrying that id (a result or an error). */
        REPLY_WITH_ID,
        /** Not a valid message (not JSON, a batch, a bad envelope): exactly one error response with id null. */
        REPLY_WITH_NULL_ID,
        /** A notification or a response from the client: never answered over stdio; 202 (or an HTTP error) over HTTP. */
        NO_REPLY
    }

    static FuzzInput text(String kind, String text, Expect expect, JsonNode id) {
        return new FuzzInput(kind, text.getBytes(StandardCharsets.UTF_8), expect, id);
    }

    @Override
    public String toString() {
        String text = new String(wire, StandardCharsets.UTF_8);
        if (text.length() > 400) {
            text = text.substring(0, 400) + "…(" + wire.length + " bytes)";
        }
        return kind + " [" + expect + "] " + text;
    }
}
