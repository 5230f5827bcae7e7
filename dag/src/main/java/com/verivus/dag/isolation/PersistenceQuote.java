package com.verivus.dag.isolation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Cuts the {@code "persistence"} object out of a process-health response exactly as the server wrote
 * it, whitespace and key order included: the evidence quotes the gateway, not a re-serialisation.
 */
final class PersistenceQuote {

    private static final JsonFactory FACTORY = new JsonFactory();

    private PersistenceQuote() {
    }

    static Optional<String> of(String body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            JsonToken token;
            while ((token = parser.nextToken()) != null && token != JsonToken.END_OBJECT) {
                if (token == JsonToken.FIELD_NAME && "persistence".equals(parser.currentName())) {
                    if (parser.nextToken() != JsonToken.START_OBJECT) {
                        return Optional.empty();
                    }
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getCharOffset();
                    return Optional.of(body.substring(start, end));
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
