package com.verivus.gateway.mcp.jsonrpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How deep and how large an incoming JSON-RPC message may be, and the strict reader that enforces it. */
final class JsonLimits {

    /** Jackson's own default, stated here so that error messages can name it. */
    static final int MAX_NESTING_DEPTH = 1000;

    static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonLimits() {
    }
}
