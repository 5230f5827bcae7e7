package com.verivus.gateway.recorder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.NodeJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code thinking_blocks} column: the blocks as a JSON array, cut to at most {@link #MAX_BYTES}
 * UTF-8 bytes (marker included) on a code-point boundary and marked {@link #MARKER}, so one chatty
 * model cannot bloat the database.
 */
public final class ThinkingBlocks {

    public static final int MAX_BYTES = 1_000_000;
    public static final String MARKER = "[TRUNCATED]";

    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private ThinkingBlocks() {
    }

    /** The column value, or null when there are no blocks. */
    public static String encode(List<String> blocks) {
        if (blocks == null || blocks.isEmpty()) {
            return null;
        }
        try {
            return cap(JSON.writeValueAsString(blocks));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("thinking blocks are not serialisable: " + e.getMessage(), e);
        }
    }

    static String cap(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return text;
        }
        int cut = MAX_BYTES - MARKER.length();
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--; // never split a multi-byte character
        }
        return new String(bytes, 0, cut, StandardCharsets.UTF_8) + MARKER;
    }
}
