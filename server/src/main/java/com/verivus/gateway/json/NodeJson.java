package com.verivus.gateway.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The gateway's one JSON configuration: {@link #MAPPER} for reading and compact writing, and
 * {@link #pretty} for text that must match what the Node gateway printed with
 * {@code JSON.stringify(value, null, 2)} (tool results, sessions.json, prompts, CLI reports).
 */
public final class NodeJson {

    /**
     * Plain Jackson defaults, for every reader and writer of JSON in the gateway; shared because an
     * ObjectMapper is thread-safe once configured (so nobody may configure it after this line).
     */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads a text that must be exactly one JSON value: trailing content is an error, not ignored. */
    public static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final ObjectWriter PRETTY = MAPPER.writer(new NodeJsonPrinter());

    private NodeJson() {
    }

    /** 2-space indented JSON, as JSON.stringify(value, null, 2) prints it. */
    public static String pretty(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("value is not serialisable as JSON", e);
        }
    }
}
